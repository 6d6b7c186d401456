package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ReminderSchedule;
import org.scalingcoach.audit.SubjectStatus;

/**
 * The audit cards beyond the questions: the team view, a subject's history, reminders, nudges and
 * the help card.
 */
final class TeamsAuditViews {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TeamsAuditViews() {}

  /**
   * The latest level per subject and type with its trend; managers see the tenant, others their
   * own.
   */
  static ObjectNode team(List<SubjectStatus> statuses, boolean manager) {
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
    for (SubjectStatus s : statuses) {
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
      buttons.add(
          TeamsCards.submit(
              "History",
              action("audit-history").put("type", s.type()).put("subject", s.subject())));
      buttons.add(TeamsCards.submit("Report", action("audit-report").put("audit", latest.id())));
      buttons.add(TeamsCards.submit("Export", action("audit-export").put("audit", latest.id())));
    }
    return card;
  }

  /** Every finished audit of one subject and type, oldest first, with who ran it. */
  static ObjectNode history(
      String title, String subject, List<AuditRecord> finished, Function<String, String> names) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(TeamsCards.text("**History of " + subject + "** · " + title).put("size", "Medium"));
    StringBuilder lines = new StringBuilder();
    AuditRecord previous = null;
    for (AuditRecord a : finished) {
      lines
          .append("- ")
          .append(DATE.format(a.finishedAt()))
          .append(": ")
          .append(a.levelName())
          .append(" (")
          .append(score(a))
          .append(")");
      if (previous != null) {
        long delta = Math.round(a.score()) - Math.round(previous.score());
        lines.append(delta > 0 ? " ▲ +" + delta : delta < 0 ? " ▼ " + delta : " =");
      }
      lines.append(" by ").append(names.apply(a.userId())).append(" · #").append(a.id());
      lines.append("\n");
      previous = a;
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

  private static ObjectNode action(String name) {
    return NODES.objectNode().put(TeamsCards.ACTION, name);
  }
}
