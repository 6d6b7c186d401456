package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import java.util.regex.Pattern;
import org.scalingcoach.AuditServices;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.conversation.DeliveryScope;

/**
 * Clicks on audit question messages: an answer, Back, Skip, Pause, Finish, and on reports: share,
 * export, view. Slack gets its acknowledgement at once; the work runs in the background, and the
 * revision in each button keeps double clicks and old messages from changing anything.
 */
final class SlackAuditActions {
  private final AuditServices audits;
  private final AuditConversation conversation;
  private final BackgroundWork work;

  SlackAuditActions(AuditServices audits, AuditConversation conversation, BackgroundWork work) {
    this.audits = audits;
    this.conversation = conversation;
    this.work = work;
  }

  /** What a question button carries: {@code auditId:revision:questionId[:optionId]}. */
  record Click(long auditId, int revision, String questionId, String optionId) {
    static Click parse(String value) {
      String[] parts = value.split(":", 4);
      try {
        return new Click(
            Long.parseLong(parts[0]),
            Integer.parseInt(parts[1]),
            parts[2],
            parts.length > 3 ? parts[3] : null);
      } catch (RuntimeException e) {
        throw new AuditException(
            AuditException.Reason.INVALID_INPUT,
            "That button is not one I recognise. Try /coach audit.");
      }
    }
  }

  void register(App app) {
    app.blockAction(
        Pattern.compile(Pattern.quote(AuditBlocks.ANSWER_PREFIX) + "\\d+"),
        (request, context) -> {
          handle(request.getPayload(), "answer an audit question", this::answer);
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.SKIP,
        (request, context) -> {
          handle(request.getPayload(), "skip an audit question", this::skip);
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.BACK,
        (request, context) -> {
          handle(request.getPayload(), "go back in an audit", this::back);
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.PAUSE,
        (request, context) -> {
          handle(request.getPayload(), "pause an audit", this::pause);
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.FINISH,
        (request, context) -> {
          handle(request.getPayload(), "finish an audit", this::finish);
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.REPORT,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          Actor actor = actor(p);
          long id = Long.parseLong(p.getActions().get(0).getValue());
          work.submit(
              "show an audit report",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postReport(
                              actor.userId(), conversation.report(actor, id), true)));
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.EXPORT,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          Actor actor = actor(p);
          long id = Long.parseLong(p.getActions().get(0).getValue());
          work.submit(
              "export an audit",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () ->
                          conversation.postExports(
                              actor.userId(), conversation.report(actor, id))));
          return context.ack();
        });
    app.blockAction(
        AuditBlocks.SHARE,
        (request, context) -> {
          BlockActionPayload p = request.getPayload();
          Actor actor = actor(p);
          BlockActionPayload.Action action = p.getActions().get(0);
          String channel = action.getSelectedConversation();
          long id =
              Long.parseLong(action.getBlockId().substring(action.getBlockId().indexOf(':') + 1));
          work.submit(
              "share an audit report",
              () ->
                  conversation.safely(
                      p.getResponseUrl(),
                      actor.userId(),
                      () -> {
                        try {
                          conversation.postReport(channel, conversation.report(actor, id), false);
                          conversation.tell(
                              p.getResponseUrl(), actor.userId(), "Shared in <#" + channel + ">.");
                        } catch (SlackCallFailed e) {
                          if ("not_in_channel".equals(e.error())
                              || "channel_not_found".equals(e.error())) {
                            conversation.tell(
                                p.getResponseUrl(),
                                actor.userId(),
                                "I can't post in <#"
                                    + channel
                                    + "> yet: invite me there first with `/invite @Scaling Coach`.");
                          } else {
                            throw e;
                          }
                        }
                      }));
          return context.ack();
        });
  }

  private interface ClickHandler {
    void run(Actor actor, Click click, BlockActionPayload payload);
  }

  private void handle(BlockActionPayload payload, String what, ClickHandler handler) {
    Actor actor = actor(payload);
    String value = payload.getActions().get(0).getValue();
    work.submit(
        what,
        () ->
            conversation.safely(
                payload.getResponseUrl(),
                actor.userId(),
                () -> handler.run(actor, Click.parse(value), payload)));
  }

  private void answer(Actor actor, Click click, BlockActionPayload payload) {
    Progress next =
        audits
            .engine()
            .answer(actor, click.auditId(), click.revision(), click.questionId(), click.optionId());
    String label =
        next.definition()
            .question(click.questionId())
            .flatMap(q -> q.option(click.optionId()))
            .map(o -> o.label())
            .orElse(click.optionId());
    moveOn(actor, payload, next, ":white_check_mark: " + Mrkdwn.escape(label));
  }

  private void skip(Actor actor, Click click, BlockActionPayload payload) {
    moveOn(
        actor,
        payload,
        audits.engine().skip(actor, click.auditId(), click.revision(), click.questionId()),
        ":fast_forward: skipped");
  }

  private void back(Actor actor, Click click, BlockActionPayload payload) {
    moveOn(
        actor,
        payload,
        audits.engine().back(actor, click.auditId(), click.revision()),
        ":leftwards_arrow_with_hook: went back");
  }

  private void pause(Actor actor, Click click, BlockActionPayload payload) {
    Progress paused = audits.engine().pause(actor, click.auditId());
    conversation.update(
        channel(payload),
        payload.getContainer().getMessageTs(),
        "Audit paused",
        AuditBlocks.paused(paused));
  }

  private void finish(Actor actor, Click click, BlockActionPayload payload) {
    if (audits.engine().finishNow(actor, click.auditId()).isEmpty()) {
      return; // finished by an earlier click: its report is already on its way
    }
    AuditReport report = conversation.report(actor, click.auditId());
    conversation.update(
        channel(payload),
        payload.getContainer().getMessageTs(),
        "Audit finished",
        AuditBlocks.settled(report.definition(), click.questionId(), ":checkered_flag: finished"));
    conversation.postReport(channel(payload), report, true);
  }

  /**
   * Settles the clicked message and posts what comes next. A repeated click changes nothing and
   * posts nothing; a click on an old message posts the current step with a note. A click redone
   * after a crash posts the current step even when its answer was already saved, because the first
   * try may have died before posting it.
   */
  private void moveOn(Actor actor, BlockActionPayload payload, Progress next, String outcome) {
    if (!next.changed()) {
      if (next.notice() != null || DeliveryScope.redoing()) {
        conversation.postStep(actor.userId(), next);
      }
      return;
    }
    // The next question goes out first: it is what the person is waiting for.
    conversation.postStep(actor.userId(), next);
    Click click = Click.parse(payload.getActions().get(0).getValue());
    conversation.update(
        channel(payload),
        payload.getContainer().getMessageTs(),
        outcome,
        AuditBlocks.settled(next.definition(), click.questionId(), outcome));
  }

  private static String channel(BlockActionPayload payload) {
    return payload.getContainer().getChannelId();
  }

  private static Actor actor(BlockActionPayload payload) {
    return new Actor(payload.getTeam().getId(), payload.getUser().getId());
  }
}
