package org.scalingcoach.conversation;

import java.util.Optional;

/**
 * Where each part of the conversation may happen, decided once for typed commands and clicks alike.
 * Audits, their reports, team results and exports, the insights and console links stay in personal
 * conversations, so colleagues in a channel or group chat never see someone's answers, a manager's
 * view of the team, or an admin's link.
 */
public final class ConversationPolicy {
  static final String AUDITS_PERSONAL_ONLY =
      "Audits, their reports and team results stay private: open a personal chat with me (select"
          + " my name, then **Chat**) and type **%saudit** there.";
  static final String INSIGHTS_PERSONAL_ONLY =
      "Insights stay private: ask me for **%sadmin insights** in a personal chat.";
  static final String CONSOLE_PERSONAL_ONLY =
      "Sign-in links stay private: ask me for **%sadmin console** in a personal chat.";

  private final String prefix;

  /**
   * @param prefix what people type before a command on this platform, for the refusals
   */
  public ConversationPolicy(String prefix) {
    this.prefix = prefix;
  }

  /** Why {@code command} may not run in {@code turn}'s conversation, if it may not. */
  public Optional<String> refusal(Turn turn, Command command) {
    if (turn.personal()) {
      return Optional.empty();
    }
    if (command instanceof Command.Audit) {
      return Optional.of(AUDITS_PERSONAL_ONLY.formatted(prefix));
    }
    if (command instanceof Command.Admin admin) {
      return switch (admin.verb()) {
        case INSIGHTS -> Optional.of(INSIGHTS_PERSONAL_ONLY.formatted(prefix));
        case CONSOLE -> Optional.of(CONSOLE_PERSONAL_ONLY.formatted(prefix));
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /**
   * Why the click {@code turn} may not run, if it may not: every audit button (answer, skip, back,
   * pause, resume, finish, report, export, history) counts as the audit itself.
   */
  public Optional<String> refusal(Turn turn) {
    if (turn.action() == null || turn.personal()) {
      return Optional.empty();
    }
    if (isAuditAction(turn.action().name())) {
      return Optional.of(AUDITS_PERSONAL_ONLY.formatted(prefix));
    }
    return Optional.empty();
  }

  /** Audit buttons are named {@code audit-…} or {@code audit_…} by both renderers. */
  static boolean isAuditAction(String name) {
    return name.startsWith("audit-") || name.startsWith("audit_");
  }
}
