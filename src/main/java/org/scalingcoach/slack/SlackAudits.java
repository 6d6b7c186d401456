package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.Progress;

/**
 * Audits in Slack: wires {@code /coach audit} ({@link SlackAuditCommand}) and the App Home section
 * ({@link SlackAuditHome}), and handles the Start and Resume buttons and the subject dialog.
 * Question clicks are in {@link SlackAuditActions}; reminder messages in {@link
 * SlackAuditReminders}.
 */
final class SlackAudits {
  static final String SUBJECT_VIEW = "audit_subject";
  static final String START_SUBJECT = "audit_start_subject";

  private final AuditServices audits;
  private final AuditConversation conversation;
  private final BackgroundWork work;
  private final SlackWebApi slack;

  SlackAudits(
      AuditServices audits,
      AuditConversation conversation,
      BackgroundWork work,
      SlackWebApi slack) {
    this.audits = audits;
    this.conversation = conversation;
    this.work = work;
    this.slack = slack;
  }

  void register(App app, SlashCommands commands, HomeView home) {
    commands.onAudit(new SlackAuditCommand(audits, conversation, work)::handle);
    app.blockAction(
        AuditBlocks.START,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          String type = p.getActions().get(0).getValue();
          work.submit(
              "open the audit subject dialog",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      p.getUser().getId(),
                      () -> openSubjectDialog(p.getTriggerId(), type)));
          return context.ack();
        });
    app.blockAction(
        START_SUBJECT,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          String raw = p.getActions().get(0).getValue();
          String[] value = raw == null ? new String[0] : raw.split("\n", 2);
          Actor actor = new Actor(p.getTeam().getId(), p.getUser().getId());
          work.submit(
              "start a reminded audit",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () -> {
                        if (value.length < 2) {
                          throw new AuditException(
                              AuditException.Reason.INVALID_INPUT,
                              "That button is not one I recognise. Try /coach audit.");
                        }
                        conversation.postStep(
                            actor.userId(), audits.engine().start(actor, value[0], value[1]));
                      }));
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.RESUME,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          Actor actor = new Actor(p.getTeam().getId(), p.getUser().getId());
          String value = p.getActions().get(0).getValue();
          work.submit(
              "resume an audit",
              () ->
                  conversation.safely(
                      p.getResponseUrl(), actor.userId(), () -> resume(actor, value)));
          return context.ack();
        });
    app.viewSubmission(
        SUBJECT_VIEW,
        (request, context) -> {
          var payload = request.getPayload();
          Actor actor = new Actor(payload.getTeam().getId(), payload.getUser().getId());
          String type = payload.getView().getPrivateMetadata();
          Map<String, Map<String, ViewState.Value>> values =
              payload.getView().getState().getValues();
          String subject =
              values
                  .getOrDefault("subject", Map.of())
                  .getOrDefault("subject_input", new ViewState.Value())
                  .getValue();
          if (subject == null || subject.isBlank()) {
            return context.ack(
                r ->
                    r.responseAction("errors")
                        .errors(Map.of("subject", "Please name what you are auditing.")));
          }
          work.submit(
              "start an audit",
              () ->
                  conversation.safely(
                      null,
                      actor.userId(),
                      () ->
                          conversation.postStep(
                              actor.userId(), audits.engine().start(actor, type, subject))));
          return context.ack();
        });
    home.add(new SlackAuditHome(audits)::blocks);
  }

  private void openSubjectDialog(String triggerId, String type) {
    var definition =
        audits
            .catalog()
            .find(type)
            .orElseThrow(
                () ->
                    new AuditException(
                        AuditException.Reason.UNKNOWN_TYPE,
                        "That audit is no longer available. Try /coach audit for the list."));
    View view =
        View.builder()
            .type("modal")
            .callbackId(SUBJECT_VIEW)
            .privateMetadata(type)
            .title(
                ViewTitle.builder()
                    .type("plain_text")
                    .text(definition.title().length() > 24 ? "Start an audit" : definition.title())
                    .build())
            .submit(ViewSubmit.builder().type("plain_text").text("Start").build())
            .close(ViewClose.builder().type("plain_text").text("Cancel").build())
            .blocks(
                List.of(
                    section(s -> s.text(markdownText(Mrkdwn.escape(definition.summary())))),
                    input(
                        i ->
                            i.blockId("subject")
                                .label(plainText("What are you auditing?"))
                                .hint(
                                    plainText(
                                        "A team, model or initiative, e.g. \"Churn model — EMEA\". Audit the same subject again later to see the trend."))
                                .element(
                                    PlainTextInputElement.builder()
                                        .actionId("subject_input")
                                        .maxLength(120)
                                        .build()))))
            .build();
    slack.call("views.open", client -> client.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }

  /** {@code auditId:revision}, or a bare id from messages posted before buttons carried one. */
  private void resume(Actor actor, String value) {
    SlackAuditActions.Click click = SlackAuditActions.Click.parse(value + ":0:-");
    Optional<Progress> resumed =
        value.contains(":")
            ? audits.engine().resumeOnce(actor, click.auditId(), click.revision())
            : Optional.of(audits.engine().resume(actor, click.auditId()));
    resumed.ifPresent(progress -> conversation.postStep(actor.userId(), progress));
  }
}
