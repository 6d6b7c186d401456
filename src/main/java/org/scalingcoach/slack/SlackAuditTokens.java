package org.scalingcoach.slack;

import java.util.HashMap;
import java.util.Map;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Turn;

/**
 * The tokens of audit buttons as Slack carries them: an action id and a value of at most 2,000
 * characters. The values keep the compact forms of earlier releases ({@code
 * auditId:revision:questionId[:optionId]}), so buttons already posted keep working.
 */
final class SlackAuditTokens {
  static final String START = "audit_start";
  static final String START_SUBJECT = "audit_start_subject";
  static final String RESUME = "audit_resume";
  static final String ANSWER_PREFIX = "audit_answer_";
  static final String BACK = "audit_back";
  static final String SKIP = "audit_skip";
  static final String PAUSE = "audit_pause";
  static final String FINISH = "audit_finish";
  static final String REPORT = "audit_report";
  static final String SHARE = "audit_share";
  static final String EXPORT = "audit_export";
  static final String HISTORY = "audit_history";

  /** A Slack action id and button value. */
  record Slack(String actionId, String value) {}

  private SlackAuditTokens() {}

  /** How the core's button {@code index} of its row travels through Slack. */
  static Slack of(Reply.Button button, int index) {
    Turn.Action a = button.action();
    String step = a.value("audit") + ":" + a.value("revision") + ":" + a.value("question");
    return switch (a.name()) {
      case AuditReplies.ANSWER -> new Slack(ANSWER_PREFIX + index, step + ":" + a.value("option"));
      case AuditReplies.BACK -> new Slack(BACK, step);
      case AuditReplies.SKIP -> new Slack(SKIP, step);
      case AuditReplies.PAUSE -> new Slack(PAUSE, step);
      case AuditReplies.FINISH -> new Slack(FINISH, step);
      case AuditReplies.RESUME ->
          new Slack(
              RESUME,
              a.value("revision").isEmpty()
                  ? a.value("audit")
                  : a.value("audit") + ":" + a.value("revision"));
      case AuditReplies.START ->
          a.value("subject").isEmpty()
              ? new Slack(START, a.value("type"))
              : new Slack(START_SUBJECT, a.value("type") + "\n" + a.value("subject"));
      case AuditReplies.EXPORT -> new Slack(EXPORT, a.value("audit"));
      case AuditReplies.SHARE -> new Slack(SHARE, a.value("audit"));
      case AuditReplies.HISTORY -> new Slack(HISTORY, a.value("type") + "\n" + a.value("subject"));
      default -> new Slack(REPORT, a.value("audit"));
    };
  }

  /** The core's action for a click on {@code actionId} with {@code value}, or null if not ours. */
  static Turn.Action action(String actionId, String value) {
    String raw = value == null ? "" : value;
    Map<String, String> token = new HashMap<>();
    String name;
    if (actionId.startsWith(ANSWER_PREFIX)) {
      name = AuditReplies.ANSWER;
      step(raw, token);
    } else {
      switch (actionId) {
        case BACK, SKIP, PAUSE, FINISH -> {
          name = "audit-" + actionId.substring("audit_".length());
          step(raw, token);
        }
        case RESUME -> {
          name = AuditReplies.RESUME;
          String[] parts = raw.split(":", 2);
          token.put("audit", parts[0]);
          if (parts.length > 1) {
            token.put("revision", parts[1]);
          }
        }
        case START -> {
          name = AuditReplies.START;
          token.put("type", raw);
        }
        case START_SUBJECT -> {
          name = AuditReplies.START;
          String[] parts = raw.split("\n", 2);
          token.put("type", parts[0]);
          // A malformed button starts nothing: the engine refuses a blank subject.
          token.put("subject", parts.length > 1 ? parts[1] : " ");
        }
        case REPORT -> {
          name = AuditReplies.REPORT;
          token.put("audit", raw);
        }
        case EXPORT -> {
          name = AuditReplies.EXPORT;
          token.put("audit", raw);
        }
        case HISTORY -> {
          name = AuditReplies.HISTORY;
          String[] parts = raw.split("\n", 2);
          token.put("type", parts[0]);
          token.put("subject", parts.length > 1 ? parts[1] : "");
        }
        default -> {
          return null;
        }
      }
    }
    return new Turn.Action(name, token);
  }

  private static void step(String value, Map<String, String> token) {
    String[] parts = value.split(":", 4);
    token.put("audit", parts[0]);
    if (parts.length > 1) {
      token.put("revision", parts[1]);
    }
    if (parts.length > 2) {
      token.put("question", parts[2]);
    }
    if (parts.length > 3) {
      token.put("option", parts[3]);
    }
  }
}
