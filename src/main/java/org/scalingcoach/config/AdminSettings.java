package org.scalingcoach.config;

import java.util.Set;

/**
 * Who administers the coach and how changes to its files are picked up.
 *
 * @param admins user ids that are admins in every workspace ({@code COACH_ADMINS}, comma separated,
 *     default none); admins granted in the role table count too
 * @param watchFolders reload the knowledge base, audits and prompts as soon as their files change
 *     ({@code COACH_RELOAD_WATCH}, default true)
 */
public record AdminSettings(Set<String> admins, boolean watchFolders) {

  public AdminSettings {
    admins = Set.copyOf(admins);
  }
}
