package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.conversation.Outbox;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.conversation.Route;
import org.scalingcoach.conversation.Turn;
import org.scalingcoach.store.SlackAnswerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the conversation service says to a Slack {@link Turn}, after the request was
 * acknowledged: an answer is shown live while it is written (a sending concern), then posted as
 * Block Kit, and where it landed is recorded. Any failure is logged once and the asker sees a short
 * apology instead of silence.
 */
final class SlackAnswerer {
  private static final Logger log = LoggerFactory.getLogger(SlackAnswerer.class);
  static final String THINKING = "is thinking…";

  private final ConversationService conversation;
  private final SlackWebApi slack;
  private final SlackAnswerStore answers;
  private final LiveAnswers live;

  SlackAnswerer(ConversationService conversation, SlackWebApi slack, SlackAnswerStore answers) {
    this(conversation, slack, answers, StreamingMessage.INTERVAL);
  }

  SlackAnswerer(
      ConversationService conversation,
      SlackWebApi slack,
      SlackAnswerStore answers,
      Duration streamInterval) {
    this.live = new LiveAnswers(slack, streamInterval, Clock.systemUTC());
    this.conversation = conversation;
    this.slack = slack;
    this.answers = answers;
  }

  /**
   * Typed text (a mention, a direct message, a reply in a thread) or a clicked question: the
   * service reads it as a command or a question and says what it says into {@code where}, an answer
   * shown as {@code options} say. A typed audit command is answered with how audits are typed in
   * Slack: they run through the slash command, in the person's DM.
   */
  void converse(Turn turn, Destination where, AnswerBlocks.Options options) {
    try {
      Route route = conversation.converse(turn, new Answers(turn, where, options));
      if (route instanceof Route.Audit) {
        tell(where, conversation.auditUsage());
      }
    } catch (RuntimeException e) {
      fail(turn, where, e);
    }
  }

  /** Answers {@code question}, already read as one (the text of {@code /coach <question>}). */
  void answer(Turn turn, String question, Destination where, AnswerBlocks.Options options) {
    try {
      conversation.answer(turn, question, new Answers(turn, where, options));
    } catch (RuntimeException e) {
      fail(turn, where, e);
    }
  }

  private void fail(Turn turn, Destination where, RuntimeException e) {
    log.error(
        "could not answer a Slack question (team {}, user {}, {})",
        turn.workspace(),
        turn.user(),
        where,
        e);
    apologise(where);
  }

  /**
   * The replies to one turn: an answer is shown live while it is written (a sending concern), then
   * posted as Block Kit, and where it landed is recorded.
   */
  private final class Answers implements Outbox {
    private final Turn turn;
    private final Destination where;
    private final AnswerBlocks.Options options;
    private LiveAnswer streaming;

    Answers(Turn turn, Destination where, AnswerBlocks.Options options) {
      this.turn = turn;
      this.where = where;
      this.options = options;
    }

    @Override
    public void send(Reply reply) {
      tell(where, reply);
    }

    @Override
    public Consumer<String> preview() {
      if (where instanceof Destination.Conversation c) {
        if (c.assistant()) {
          setStatus(c, THINKING);
        }
        streaming = live.open(turn.workspace(), turn.user(), c);
      } // an ephemeral reply cannot be edited as it grows: no preview
      return streaming;
    }

    @Override
    public void answered(String question, Route.Answered answered) {
      var shown = new AnswerBlocks.Shown(answered.reply(), question, answered.answerId(), options);
      post(where, shown, streaming);
    }
  }

  /** Tells the asker something went wrong; used when the failure happened elsewhere too. */
  void apologise(Destination destination) {
    try {
      tell(destination, Mrkdwn.fromMarkdown(ConversationService.SORRY), null);
    } catch (RuntimeException e) {
      log.error("could not tell the asker about the failure either ({})", destination, e);
    }
  }

  void tell(Destination destination, Reply reply) {
    tell(destination, SlackReplies.text(reply), SlackReplies.blocks(reply));
  }

  private void tell(Destination destination, String text, List<LayoutBlock> blocks) {
    if (destination instanceof Destination.Conversation c) {
      slack.call(
          "chat.postMessage",
          client ->
              client.chatPostMessage(
                  r -> r.channel(c.channel()).threadTs(c.threadTs()).text(text).blocks(blocks)));
    } else if (destination instanceof Destination.ResponseUrl r) {
      slack.respond(
          r.url(),
          ActionResponse.builder()
              .responseType("ephemeral")
              .replaceOriginal(false)
              .text(text)
              .blocks(blocks)
              .build());
    }
  }

  private void post(Destination destination, AnswerBlocks.Shown shown, LiveAnswer streaming) {
    String id = shown.answerId();
    List<LayoutBlock> blocks = AnswerBlocks.answer(shown);
    String text = AnswerBlocks.fallbackText(shown);
    if (destination instanceof Destination.Conversation c) {
      if (streaming != null) {
        Optional<LiveAnswer.Posted> landed;
        try {
          landed = streaming.complete(shown);
        } catch (RuntimeException e) {
          answers.forget(id);
          throw e;
        }
        if (landed.isPresent()) {
          answers.posted(id, landed.get().channel(), landed.get().ts());
          return;
        }
      }
      ChatPostMessageResponse posted;
      try {
        posted =
            slack.call(
                "chat.postMessage",
                client ->
                    client.chatPostMessage(
                        r ->
                            r.channel(c.channel())
                                .threadTs(c.threadTs())
                                .text(text)
                                .blocks(blocks)
                                .unfurlLinks(false)
                                .unfurlMedia(false)));
      } catch (RuntimeException e) {
        answers.forget(id);
        throw e;
      }
      String channel = posted.getChannel() != null ? posted.getChannel() : c.channel();
      answers.posted(id, channel, posted.getTs());
    } else {
      tell(destination, text, blocks);
    }
  }

  private void setStatus(Destination.Conversation c, String status) {
    try {
      slack.call(
          "assistant.threads.setStatus",
          client ->
              client.assistantThreadsSetStatus(
                  r -> r.channelId(c.channel()).threadTs(c.threadTs()).status(status)));
    } catch (SlackCallFailed e) {
      // A direct-message thread outside the assistant panel has no status; answering matters more.
      log.debug("no assistant status shown in {}: {}", c.channel(), e.getMessage());
    }
  }
}
