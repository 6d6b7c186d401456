package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.SubjectStatus;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Reply;

/**
 * The audit cards beyond the questions: the team view, a subject's history, reminders, nudges and
 * the help card.
 */
final class TeamsAuditViews {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TeamsAuditViews() {}

  /**
   * The latest level per subject and type with its trend; managers see the tenant, others their
   * own.
   */
  static ObjectNode team(Reply reply, AuditView.Team team) {
    List<SubjectStatus> statuses = team.statuses();
    boolean manager = team.manager();
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(
        TeamsCards.text(manager ? "**Team audits**" : "**Your audits**").put("size", "Medium"));
    if (!manager) {
      body.add(
          TeamsCards.text(
                  "Only managers see everyone's audits, so here are your own. Ask an admin if you"
                      + " need the manager role.")
              .put("isSubtle", true));
    }
    if (statuses.isEmpty()) {
      body.add(TeamsCards.text("No finished audits yet. Type **audit** to run one."));
      return card;
    }
    for (int i = 0; i < statuses.size(); i++) {
      SubjectStatus s = statuses.get(i);
      AuditRecord latest = s.latest();
      body.add(
          TeamsCards.text(
                  "**"
                      + TeamsCards.inert(s.subject())
                      + "** · "
                      + s.title()
                      + "\n\n"
                      + latest.levelName()
                      + " ("
                      + score(latest)
                      + "/100) · "
                      + trend(s)
                      + " · "
                      + s.audits()
                      + (s.audits() == 1 ? " audit" : " audits")
                      + " · last "
                      + DATE.format(latest.finishedAt()))
              .put("separator", true));
      ArrayNode buttons = body.addObject().put("type", "ActionSet").putArray("actions");
      AuditView.Team.buttons(reply, i).forEach(b -> buttons.add(AuditCards.submit(b)));
    }
    return card;
  }

  /** Every finished audit of one subject and type, oldest first, with who ran it. */
  static ObjectNode history(AuditView.History history) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(
        TeamsCards.text(
                "**History of " + TeamsCards.inert(history.subject()) + "** · " + history.title())
            .put("size", "Medium"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < history.finished().size(); i++) {
      lines.append("- ").append(history.entry(i, p -> TeamsCards.inert(p.label()))).append("\n");
    }
    body.add(TeamsCards.text(lines.toString().strip()));
    return card;
  }

  /** The proactive message when a scheduled re-audit is due; its button is the core's. */
  static ObjectNode reminder(ReminderSchedule schedule, String title) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(
        TeamsCards.text("📅 Time to audit **" + TeamsCards.inert(schedule.subject()) + "** again")
            .put("size", "Medium"));
    body.add(
        TeamsCards.text(
            "It's time to run **"
                + title
                + "** for **"
                + TeamsCards.inert(schedule.subject())
                + "** again (every "
                + schedule.everyDays()
                + " days). Audit it again to see how it has changed."));
    return card;
  }

  /** The one nudge for an audit left open for a week; its button is the core's. */
  static ObjectNode nudge(AuditRecord audit, String title) {
    ObjectNode card = TeamsCards.card();
    card.withArray("body")
        .add(
            TeamsCards.text(
                "👋 Your audit **"
                    + title
                    + "** of **"
                    + TeamsCards.inert(audit.subject())
                    + "** has been waiting for a week. Your answers are saved; pick up where you"
                    + " left off."));
    return card;
  }

  private static String trend(SubjectStatus s) {
    return switch (s.trend()) {
      case IMPROVED -> "▲ improved";
      case DECLINED -> "▼ declined";
      case UNCHANGED -> "= unchanged";
      case NEW -> "first audit";
    };
  }

  private static long score(AuditRecord audit) {
    return audit.score() == null ? 0 : Math.round(audit.score());
  }
}
