package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.scalingcoach.conversation.AuditReportReplies;
import org.scalingcoach.conversation.AuditView;
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
 * acknowledged, each reply where the core placed it: in the conversation, ephemerally to the
 * person, in place of the clicked message, or in the person's DM (with charts and exports as
 * files). An answer is shown live while it is written (a sending concern), then posted as Block
 * Kit, and where it landed is recorded. Any failure is logged once and the asker sees a short
 * apology instead of silence.
 */
final class SlackAnswerer {
  private static final Logger log = LoggerFactory.getLogger(SlackAnswerer.class);
  static final String THINKING = "is thinking…";

  private final ConversationService conversation;
  private final SlackWebApi slack;
  private final SlackAnswerStore answers;
  private final SlackFiles files;
  private final LiveAnswers live;

  /**
   * Where a turn came from: the person, where its replies go, the response URL for notes only the
   * person sees (or null), the message whose button was clicked (or nulls), and how an answer is
   * shown there.
   */
  record Origin(
      String user,
      Destination where,
      String responseUrl,
      String channel,
      String messageTs,
      AnswerBlocks.Options options) {

    /** Typed text or a clicked question answered in {@code where}. */
    static Origin at(String user, Destination where, AnswerBlocks.Options options) {
      String responseUrl = where instanceof Destination.ResponseUrl r ? r.url() : null;
      return new Origin(user, where, responseUrl, null, null, options);
    }

    /** A turn whose replies go to the person's DM, with notes through {@code responseUrl}. */
    static Origin direct(String user, String responseUrl) {
      return new Origin(
          user,
          new Destination.Conversation(user, null, false),
          responseUrl,
          null,
          null,
          AnswerBlocks.Options.PLAIN);
    }

    /** The same, for a click on a button of the message {@code messageTs} in {@code channel}. */
    Origin clicked(String channel, String messageTs) {
      return new Origin(user, where, responseUrl, channel, messageTs, options);
    }
  }

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
    this.files = new SlackFiles(slack);
  }

  /**
   * Typed text (a mention, a direct message, a reply in a thread) or a click: the service reads it
   * as a command, a question or a click and says what it says into {@code origin}. A typed audit
   * command is answered with how audits are typed in Slack: they run through the slash command, in
   * the person's DM.
   */
  void converse(Turn turn, Origin origin) {
    try {
      if (conversation.converse(turn, outbox(turn, origin)) instanceof Route.Audit) {
        tell(origin.where(), conversation.auditUsage());
      }
    } catch (RuntimeException e) {
      fail(turn, origin.where(), e);
    }
  }

  /** Typed text or a clicked question answered in {@code where}, shown as {@code options} say. */
  void converse(Turn turn, Destination where, AnswerBlocks.Options options) {
    converse(turn, Origin.at(turn.user(), where, options));
  }

  /** Answers {@code question}, already read as one (the text of {@code /coach <question>}). */
  void answer(Turn turn, String question, Destination where, AnswerBlocks.Options options) {
    try {
      conversation.answer(turn, question, outbox(turn, Origin.at(turn.user(), where, options)));
    } catch (RuntimeException e) {
      fail(turn, where, e);
    }
  }

  /** Where the replies to {@code turn} go in Slack. */
  Outbox outbox(Turn turn, Origin origin) {
    return new SlackOutbox(turn, origin);
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

  /** The replies to one turn, each sent where the core placed it. */
  private final class SlackOutbox implements Outbox {
    private final Turn turn;
    private final Origin origin;
    private LiveAnswer streaming;

    /** Where the last message this outbox posted landed, for a summary edited into it. */
    private String postedChannel;

    private String postedTs;

    SlackOutbox(Turn turn, Origin origin) {
      this.turn = turn;
      this.origin = origin;
    }

    @Override
    public void send(Reply reply) {
      tell(origin.where(), reply);
    }

    @Override
    public void note(Reply reply) {
      String text = SlackReplies.text(reply);
      List<LayoutBlock> blocks = reply.blocks().isEmpty() ? null : SlackReplies.blocks(reply);
      Destination toThem =
          origin.responseUrl() != null
              ? new Destination.ResponseUrl(origin.responseUrl(), origin.channel())
              : new Destination.Conversation(origin.user(), null, false);
      tell(toThem, text, blocks);
    }

    @Override
    public void replace(Reply reply) {
      if (origin.messageTs() == null) {
        if (reply.view() == null && reply.blocks().isEmpty()) {
          note(reply);
        } else {
          privately(reply);
        }
        return;
      }
      update(origin.channel(), origin.messageTs(), reply);
      postedChannel = origin.channel();
      postedTs = origin.messageTs();
    }

    @Override
    public void privately(Reply reply) {
      ChatPostMessageResponse posted = post(origin.user(), reply);
      postedChannel = posted.getChannel() != null ? posted.getChannel() : origin.user();
      postedTs = posted.getTs();
    }

    @Override
    public void summarised(Reply report, Reply summary) {
      if (postedTs == null) {
        privately(summary);
      } else {
        update(postedChannel, postedTs, AuditReportReplies.withSummary(report, summary));
      }
    }

    @Override
    public Consumer<String> preview() {
      if (origin.where() instanceof Destination.Conversation c) {
        if (c.assistant()) {
          setStatus(c, THINKING);
        }
        streaming = live.open(turn.workspace(), turn.user(), c);
      } // an ephemeral reply cannot be edited as it grows: no preview
      return streaming;
    }

    @Override
    public void answered(String question, Route.Answered answered) {
      var shown =
          new AnswerBlocks.Shown(answered.reply(), question, answered.answerId(), origin.options());
      postAnswer(origin.where(), shown, streaming);
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

  /**
   * Tells {@code userId} {@code message} (mrkdwn), through {@code responseUrl} where there is one.
   */
  void tell(String responseUrl, String userId, String message) {
    try {
      if (responseUrl != null) {
        tell(new Destination.ResponseUrl(responseUrl, null), message, null);
      } else {
        postMessage(userId, null, message, null);
      }
    } catch (RuntimeException e) {
      log.error("could not tell {} that: {}", userId, message, e);
    }
  }

  private void tell(Destination destination, String text, List<LayoutBlock> blocks) {
    if (destination instanceof Destination.Conversation c) {
      postMessage(c.channel(), c.threadTs(), text, blocks);
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

  private ChatPostMessageResponse postMessage(
      String channel, String threadTs, String text, List<LayoutBlock> blocks) {
    return slack.call(
        "chat.postMessage",
        client ->
            client.chatPostMessage(
                r -> r.channel(channel).threadTs(threadTs).text(text).blocks(blocks)));
  }

  /** Posts {@code reply} as a new message in {@code channel}, with its chart or files. */
  ChatPostMessageResponse post(String channel, Reply reply) {
    ChatPostMessageResponse posted =
        postMessage(channel, null, SlackReplies.text(reply), SlackReplies.blocks(reply));
    List<Reply.File> attached = new ArrayList<>();
    if (reply.file() != null) {
      attached.add(reply.file());
    }
    if (reply.view() instanceof AuditView.Exports exports) {
      attached.addAll(exports.files());
    }
    if (!attached.isEmpty()) {
      files.share(
          posted.getChannel() != null ? posted.getChannel() : channel,
          null,
          attached.stream()
              .map(f -> new SlackFiles.Upload(f.name(), f.description(), f.content()))
              .toList());
    }
    return posted;
  }

  /** Replaces a message, such as a question once it is answered. */
  private void update(String channel, String ts, Reply reply) {
    String text = SlackReplies.text(reply);
    List<LayoutBlock> blocks = SlackReplies.blocks(reply);
    slack.call(
        "chat.update",
        client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  private void postAnswer(Destination destination, AnswerBlocks.Shown shown, LiveAnswer streaming) {
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
