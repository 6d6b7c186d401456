package org.scalingcoach.console;

import java.time.Instant;
import java.util.Optional;
import org.scalingcoach.audit.Actor;

/** Where sign-in links and console sessions are kept, by the hash of their token only. */
public interface ConsoleStore {

  /** A sign-in link as stored. */
  record StoredLink(Actor actor, String platform, Instant expiresAt, Instant usedAt) {}

  /** A session as stored. */
  record StoredSession(Actor actor, String platform, String csrfToken, Instant expiresAt) {}

  void addLink(
      String tokenHash, Actor actor, String platform, Instant createdAt, Instant expiresAt);

  /**
   * Marks the link used at {@code at} if it was not used yet, in one step, and returns it as it was
   * before: a link whose {@code usedAt} is set had already been used.
   */
  Optional<StoredLink> useLink(String tokenHash, Instant at);

  void addSession(String tokenHash, StoredSession session, Instant createdAt);

  Optional<StoredSession> session(String tokenHash);

  void removeSession(String tokenHash);

  /** Deletes links and sessions that expired before {@code now}. */
  void removeExpired(Instant now);
}
