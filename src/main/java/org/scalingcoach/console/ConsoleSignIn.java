package org.scalingcoach.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.scalingcoach.admin.AdminException;
import org.scalingcoach.audit.Actor;

/**
 * Signs admins in to the web console with the identity their chat platform already proved: chat
 * hands out a one-time link, the link opens a session, and every request re-checks the admin role
 * in the session's workspace.
 */
public final class ConsoleSignIn {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);
  public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  /** Where the console answers, below the server's base address. */
  public static final String PATH = "/admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConsoleStore store;
  private final Predicate<Actor> isAdmin;
  private final Supplier<URI> baseUrl;
  private final Clock clock;

  /**
   * @param baseUrl the address people reach the server at, such as {@code https://coach.example};
   *     asked each time, since a server on port 0 knows its port only once started
   */
  public ConsoleSignIn(
      ConsoleStore store, Predicate<Actor> isAdmin, Supplier<URI> baseUrl, Clock clock) {
    this.store = store;
    this.isAdmin = isAdmin;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  /** What a request presenting a session cookie may do. */
  public sealed interface Access {
    /** A signed-in admin. */
    record Admin(ConsoleSession session) implements Access {}

    /** Signed in, but no longer an admin of the workspace: 403. */
    record NotAdmin(Actor actor) implements Access {}

    /** No session, or an expired one: sign in through chat. */
    record SignedOut() implements Access {}
  }

  /**
   * A new one-time link for {@code actor}, who asked for it on {@code platform}.
   *
   * @throws AdminException saying how to get the role, when {@code actor} is not an admin
   */
  public SignInLink link(Actor actor, String platform) {
    if (!isAdmin.test(actor)) {
      throw new AdminException(
          "Only admins can open the admin console. An admin can give you the role with `roles"
              + " grant "
              + actor.userId()
              + " admin --team "
              + actor.teamId()
              + "`, or add you to COACH_ADMINS.");
    }
    Instant now = clock.instant();
    store.removeExpired(now);
    String token = randomToken();
    Instant expires = now.plus(LINK_LIFETIME);
    store.addLink(hash(token), actor, platform, now, expires);
    String base = baseUrl.get().toString().replaceAll("/+$", "");
    return new SignInLink(URI.create(base + PATH + "/signin?token=" + token), expires);
  }

  /**
   * Uses a link's token once and opens an 8-hour session.
   *
   * @throws SignInRefused when the link is unknown, expired or used, or its admin lost the role
   */
  public ConsoleSession signIn(String token) {
    if (token == null || token.isBlank()) {
      throw new SignInRefused(SignInRefused.Reason.UNKNOWN);
    }
    Instant now = clock.instant();
    ConsoleStore.StoredLink link =
        store
            .useLink(hash(token), now)
            .orElseThrow(() -> new SignInRefused(SignInRefused.Reason.UNKNOWN));
    if (link.usedAt() != null) {
      throw new SignInRefused(SignInRefused.Reason.USED);
    }
    if (!now.isBefore(link.expiresAt())) {
      throw new SignInRefused(SignInRefused.Reason.EXPIRED);
    }
    if (!isAdmin.test(link.actor())) {
      throw new SignInRefused(SignInRefused.Reason.NOT_ADMIN);
    }
    String sessionToken = randomToken();
    ConsoleStore.StoredSession stored =
        new ConsoleStore.StoredSession(
            link.actor(), link.platform(), randomToken(), now.plus(SESSION_LIFETIME));
    store.addSession(hash(sessionToken), stored, now);
    return new ConsoleSession(
        sessionToken, stored.actor(), stored.platform(), stored.csrfToken(), stored.expiresAt());
  }

  /** Who presents {@code sessionToken}, checking expiry and the admin role now. */
  public Access access(String sessionToken) {
    if (sessionToken == null || sessionToken.isBlank()) {
      return new Access.SignedOut();
    }
    Optional<ConsoleStore.StoredSession> found = store.session(hash(sessionToken));
    if (found.isEmpty() || !clock.instant().isBefore(found.get().expiresAt())) {
      return new Access.SignedOut();
    }
    ConsoleStore.StoredSession stored = found.get();
    if (!isAdmin.test(stored.actor())) {
      return new Access.NotAdmin(stored.actor());
    }
    return new Access.Admin(
        new ConsoleSession(
            sessionToken,
            stored.actor(),
            stored.platform(),
            stored.csrfToken(),
            stored.expiresAt()));
  }

  /** Ends the session; its cookie no longer signs anyone in. */
  public void signOut(String sessionToken) {
    if (sessionToken != null && !sessionToken.isBlank()) {
      store.removeSession(hash(sessionToken));
    }
  }

  /** Compares a form's CSRF token with the session's in constant time. */
  public static boolean csrfMatches(ConsoleSession session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
