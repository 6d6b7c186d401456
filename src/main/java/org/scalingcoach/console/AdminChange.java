package org.scalingcoach.console;

import java.time.Instant;
import org.scalingcoach.audit.Actor;

/**
 * One change made in the admin console.
 *
 * @param action what was done, such as {@code knowledge.save} or {@code role.grant}
 * @param target what it was done to, such as a document's path or a user id
 * @param before the value before the change, or null when there was none
 * @param after the value after the change, or null when it was removed
 */
public record AdminChange(
    Instant at, Actor actor, String action, String target, String before, String after) {}
