package org.scalingcoach.config;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Who administers the coach and how changes to its files are picked up.
 *
 * @param admins user ids that are admins in every workspace ({@code COACH_ADMINS}, comma separated,
 *     default none); admins granted in the role table count too
 * @param watchFolders reload the knowledge base, audits and prompts as soon as their files change
 *     ({@code COACH_RELOAD_WATCH}, default true)
 * @param publicUrl the address people reach the server at, used in admin console sign-in links
 *     ({@code COACH_PUBLIC_URL}, default the local address {@code http://localhost:PORT})
 */
public record AdminSettings(Set<String> admins, boolean watchFolders, Optional<URI> publicUrl) {

  public AdminSettings {
    admins = Set.copyOf(admins);
  }

  public AdminSettings(Set<String> admins, boolean watchFolders) {
    this(admins, watchFolders, Optional.empty());
  }
}
