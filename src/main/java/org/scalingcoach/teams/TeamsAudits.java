package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditEngine;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.AuditStatus;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ScoreChart;

/**
 * Guided audits in Teams: turns card button data into audit engine calls and the resulting progress
 * into the next card. The engine and its storage are the same as Slack's, keyed by the Teams
 * tenant.
 */
final class TeamsAudits {
  private final AuditServices audits;

  TeamsAudits(AuditServices audits) {
    this.audits = audits;
  }

  /** True for the data of the buttons this class renders. */
  static boolean handles(String action) {
    return action.startsWith("audit-");
  }

  ObjectNode menu() {
    if (audits.catalog().definitions().isEmpty()) {
      return TeamsCards.notice("No audits are set up yet. Ask an admin to add audit files.");
    }
    return AuditCards.menu(audits.catalog().definitions());
  }

  /** Applies a button click and returns the card to show in its place. */
  ObjectNode onCardAction(TeamsActivity activity, JsonNode data) {
    Actor actor = new Actor(activity.tenantId(), activity.userId());
    AuditEngine engine = audits.engine();
    long id = data.path("audit").asLong();
    int revision = data.path("revision").asInt();
    String question = data.path("question").asText("");
    try {
      return switch (data.path(TeamsCards.ACTION).asText()) {
        case "audit-start" ->
            card(
                engine.start(actor, data.path("type").asText(""), data.path("subject").asText("")));
        case "audit-answer" ->
            card(engine.answer(actor, id, revision, question, data.path("option").asText("")));
        case "audit-skip" -> card(engine.skip(actor, id, revision, question));
        case "audit-back" -> card(engine.back(actor, id, revision));
        case "audit-pause" -> card(engine.pause(actor, id));
        case "audit-resume" -> card(engine.resume(actor, id));
        case "audit-finish" -> report(actor, id);
        default -> TeamsCards.notice("That button no longer works. Type \"audit\" to start again.");
      };
    } catch (AuditException e) {
      return TeamsCards.notice(e.getMessage());
    }
  }

  private ObjectNode report(Actor actor, long id) {
    audits.engine().finish(actor, id);
    AuditReport report = audits.history().report(actor, id);
    return AuditCards.report(report, ScoreChart.png(report));
  }

  private static ObjectNode card(Progress progress) {
    if (progress.audit().status() == AuditStatus.PAUSED) {
      return AuditCards.paused(progress);
    }
    return progress.readyToFinish()
        ? AuditCards.readyToFinish(progress)
        : AuditCards.question(progress);
  }
}
