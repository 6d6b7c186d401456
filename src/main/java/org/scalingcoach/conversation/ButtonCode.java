package org.scalingcoach.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A button's action written as two short strings, an id and a value, for a platform whose buttons
 * carry nothing else (Slack: an {@code action_id} of at most 255 characters and a {@code value} of
 * at most 2,000), and read back into the {@link Turn.Action} the core gave the button. The forms
 * are the ones earlier releases posted (a vote's value is the answer id, a follow-up's the
 * question, an audit step's {@code auditId:revision:questionId[:optionId]}), so the buttons of
 * messages already in people's chats keep working; every one of them is read here and nowhere else.
 *
 * @param id names what the button does; the {@code index} of a button in its row makes it unique
 * @param value the one token value its action needs
 */
public record ButtonCode(String id, String value) {
  public static final String FEEDBACK_UP = "coach_feedback_up";
  public static final String FEEDBACK_DOWN = "coach_feedback_down";
  public static final String FOLLOW_UP_PREFIX = "coach_follow_up_";
  public static final String ASK_EXAMPLE_PREFIX = "coach_ask_example_";

  /** Slack's own thumbs under a natively streamed answer: one element, the vote in the value. */
  public static final String FEEDBACK_BUTTONS = "coach_feedback";

  public static final String UP_PREFIX = "up:";
  public static final String DOWN_PREFIX = "down:";

  /** What the experts' buttons' ids start with: {@code coach_expert_claim} and so on. */
  public static final String PREFIX = "coach_";

  /** The ids of audit buttons. */
  public static final class Audits {
    public static final String START = "audit_start";
    public static final String START_SUBJECT = "audit_start_subject";
    public static final String RESUME = "audit_resume";
    public static final String ANSWER_PREFIX = "audit_answer_";
    public static final String BACK = "audit_back";
    public static final String SKIP = "audit_skip";
    public static final String PAUSE = "audit_pause";
    public static final String FINISH = "audit_finish";
    public static final String REPORT = "audit_report";
    public static final String SHARE = "audit_share";
    public static final String EXPORT = "audit_export";
    public static final String HISTORY = "audit_history";

    private Audits() {}
  }

  /** How the {@code index}th button of its row is written. */
  public static ButtonCode of(Reply.Button button, int index) {
    Turn.Action a = button.action();
    if (a.name().startsWith("audit-")) {
      return audit(a, index);
    }
    return switch (a.name()) {
      // An example goes to the person's DM, whichever view it is clicked in.
      case AnswerReplies.ASK ->
          new ButtonCode(
              (a.value(Welcome.EXAMPLE).isEmpty() ? FOLLOW_UP_PREFIX : ASK_EXAMPLE_PREFIX) + index,
              a.value("question"));
      case AnswerReplies.FEEDBACK ->
          new ButtonCode(
              a.value("vote").equals("up") ? FEEDBACK_UP : FEEDBACK_DOWN, a.value("answer"));
      case ExpertReplies.ASK -> new ButtonCode(PREFIX + a.name(), a.value("answerId"));
      case ExpertReplies.ANSWER,
          ExpertReplies.NOT_FOR_US,
          ExpertReplies.CLAIM,
          ExpertReplies.DRAFT ->
          new ButtonCode(PREFIX + a.name(), a.value("id"));
      default -> new ButtonCode(PREFIX + a.name() + "_" + index, a.value("value"));
    };
  }

  /** The value of a vote written as one of Slack's own thumbs: the vote and the answer id. */
  public static String nativeVote(Reply.Button vote) {
    return (vote.action().value("vote").equals("up") ? UP_PREFIX : DOWN_PREFIX)
        + vote.action().value("answer");
  }

  /**
   * What a click on a button no release of the coach reads stands for: the conversation service
   * answers it with {@link ConversationService#BUTTON_GONE}.
   */
  public static final Turn.Action UNKNOWN = new Turn.Action("unknown-button", Map.of());

  /** The action of a click on {@code id} with {@code value}; empty when no button of ours. */
  public static Optional<Turn.Action> action(String id, String value) {
    String v = value == null ? "" : value;
    if (id == null) {
      return Optional.empty();
    }
    if (id.equals(FEEDBACK_UP) || id.equals(FEEDBACK_DOWN)) {
      return Optional.of(vote(id.equals(FEEDBACK_UP) ? "up" : "down", v));
    }
    if (id.equals(FEEDBACK_BUTTONS)) {
      if (v.startsWith(UP_PREFIX)) {
        return Optional.of(vote("up", v.substring(UP_PREFIX.length())));
      }
      return v.startsWith(DOWN_PREFIX)
          ? Optional.of(vote("down", v.substring(DOWN_PREFIX.length())))
          : Optional.empty();
    }
    if (numbered(id, FOLLOW_UP_PREFIX)) {
      return Optional.of(new Turn.Action(AnswerReplies.ASK, Map.of("question", v)));
    }
    if (numbered(id, ASK_EXAMPLE_PREFIX)) {
      return Optional.of(
          new Turn.Action(AnswerReplies.ASK, Map.of("question", v, Welcome.EXAMPLE, "true")));
    }
    if (id.equals(PREFIX + ExpertReplies.ASK)) {
      return Optional.of(new Turn.Action(ExpertReplies.ASK, Map.of("answerId", v)));
    }
    for (String expert :
        new String[] {
          ExpertReplies.ANSWER, ExpertReplies.NOT_FOR_US, ExpertReplies.CLAIM, ExpertReplies.DRAFT
        }) {
      if (id.equals(PREFIX + expert)) {
        return Optional.of(new Turn.Action(expert, Map.of("id", v)));
      }
    }
    return Optional.ofNullable(audit(id, v));
  }

  private static boolean numbered(String id, String prefix) {
    return id.startsWith(prefix)
        && id.length() > prefix.length()
        && id.substring(prefix.length()).chars().allMatch(Character::isDigit);
  }

  private static Turn.Action vote(String vote, String answerId) {
    return new Turn.Action(AnswerReplies.FEEDBACK, Map.of("vote", vote, "answer", answerId));
  }

  private static ButtonCode audit(Turn.Action a, int index) {
    String step = a.value("audit") + ":" + a.value("revision") + ":" + a.value("question");
    return switch (a.name()) {
      case AuditReplies.ANSWER ->
          new ButtonCode(Audits.ANSWER_PREFIX + index, step + ":" + a.value("option"));
      case AuditReplies.BACK -> new ButtonCode(Audits.BACK, step);
      case AuditReplies.SKIP -> new ButtonCode(Audits.SKIP, step);
      case AuditReplies.PAUSE -> new ButtonCode(Audits.PAUSE, step);
      case AuditReplies.FINISH -> new ButtonCode(Audits.FINISH, step);
      case AuditReplies.RESUME ->
          new ButtonCode(
              Audits.RESUME,
              a.value("revision").isEmpty()
                  ? a.value("audit")
                  : a.value("audit") + ":" + a.value("revision"));
      case AuditReplies.START ->
          a.value("subject").isEmpty()
              ? new ButtonCode(Audits.START, a.value("type"))
              : new ButtonCode(Audits.START_SUBJECT, a.value("type") + "\n" + a.value("subject"));
      case AuditReplies.EXPORT -> new ButtonCode(Audits.EXPORT, a.value("audit"));
      case AuditReplies.SHARE -> new ButtonCode(Audits.SHARE, a.value("audit"));
      case AuditReplies.HISTORY ->
          new ButtonCode(Audits.HISTORY, a.value("type") + "\n" + a.value("subject"));
      default -> new ButtonCode(Audits.REPORT, a.value("audit"));
    };
  }

  /** The audit action of {@code id} with {@code raw}, or null when it is no audit button. */
  private static Turn.Action audit(String id, String raw) {
    Map<String, String> token = new HashMap<>();
    String name;
    if (numbered(id, Audits.ANSWER_PREFIX)) {
      name = AuditReplies.ANSWER;
      step(raw, token);
    } else {
      switch (id) {
        case Audits.BACK, Audits.SKIP, Audits.PAUSE, Audits.FINISH -> {
          name = "audit-" + id.substring("audit_".length());
          step(raw, token);
        }
        case Audits.RESUME -> {
          // A bare id, as the earliest releases posted, resumes regardless of the revision.
          name = AuditReplies.RESUME;
          String[] parts = raw.split(":", 2);
          token.put("audit", parts[0]);
          if (parts.length > 1) {
            token.put("revision", parts[1]);
          }
        }
        case Audits.START -> {
          name = AuditReplies.START;
          token.put("type", raw);
        }
        case Audits.START_SUBJECT -> {
          name = AuditReplies.START;
          // A malformed button starts nothing: the engine refuses a blank subject.
          typeAndSubject(raw, token, " ");
        }
        case Audits.REPORT, Audits.EXPORT, Audits.SHARE -> {
          name = "audit-" + id.substring("audit_".length());
          token.put("audit", raw);
        }
        case Audits.HISTORY -> {
          name = AuditReplies.HISTORY;
          typeAndSubject(raw, token, "");
        }
        default -> {
          return null;
        }
      }
    }
    return new Turn.Action(name, token);
  }

  /** {@code type\nsubject}, as the start and history buttons carry them. */
  private static void typeAndSubject(String raw, Map<String, String> token, String noSubject) {
    String[] parts = raw.split("\n", 2);
    token.put("type", parts[0]);
    token.put("subject", parts.length > 1 ? parts[1] : noSubject);
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
