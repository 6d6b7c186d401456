package org.scalingcoach.console;

import java.time.Instant;
import org.scalingcoach.audit.Actor;

/**
 * A signed-in admin in the console.
 *
 * @param token the secret the browser presents (a cookie); only its hash is stored
 * @param csrfToken what every form of this session must send back
 */
public record ConsoleSession(
    String token, Actor actor, String platform, String csrfToken, Instant expiresAt) {}
