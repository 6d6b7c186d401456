package org.scalingcoach.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.answer.Question;
import org.scalingcoach.guard.PerUserRate;
import org.scalingcoach.metrics.CoachMetrics;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackAnswerStore.Place;
import org.scalingcoach.store.StoredText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one Slack question, after the request was acknowledged: reads the thread's earlier turns,
 * asks the engine, logs the question, posts Block Kit and remembers the answer. Any failure is
 * logged once and the asker sees a short apology instead of silence.
 */
final class SlackAnswerer {
  private static final Logger log = LoggerFactory.getLogger(SlackAnswerer.class);
  static final String ERROR_TEXT =
      ":warning: Sorry, something went wrong while I was answering. Please try again in a minute;"
          + " if it keeps happening, let your Slack admin know.";
  static final String THINKING = "is thinking…";
  private static final int HISTORY_EXCHANGES = 3;
  private static final Duration THREAD_MEMORY = Duration.ofDays(7);
  private static final Duration DIRECT_MESSAGE_MEMORY = Duration.ofHours(1);
  private static final String EPHEMERAL_THREAD = "ephemeral";

  private final AnswerEngine engine;
  private final SlackWebApi slack;
  private final SlackAnswerStore answers;
  private final QuestionLog questionLog;
  private final LiveAnswers live;
  private final PerUserRate rate = PerUserRate.standard();
  private volatile java.util.function.BooleanSupplier expertsAvailable = () -> false;

  SlackAnswerer(
      AnswerEngine engine, SlackWebApi slack, SlackAnswerStore answers, QuestionLog questionLog) {
    this(engine, slack, answers, questionLog, StreamingMessage.INTERVAL);
  }

  SlackAnswerer(
      AnswerEngine engine,
      SlackWebApi slack,
      SlackAnswerStore answers,
      QuestionLog questionLog,
      Duration streamInterval) {
    this.live = new LiveAnswers(slack, streamInterval, Clock.systemUTC());
    this.engine = engine;
    this.slack = slack;
    this.answers = answers;
    this.questionLog = questionLog;
  }

  /** Offers "Ask an expert" under every reply that could not answer, while experts exist. */
  void offerExperts(java.util.function.BooleanSupplier available) {
    this.expertsAvailable = available;
  }

  /** A question to answer: who asked, where the answer goes, and how to show it. */
  record Ask(
      String teamId,
      String userId,
      String text,
      Destination destination,
      AnswerBlocks.Options options) {}

  void answer(Ask ask) {
    if (ask.text() == null || ask.text().isBlank()) {
      return; // nothing was asked (a mention alone, an empty message): nothing to answer
    }
    if (!rate.allow(ask.teamId(), ask.userId())) {
      tell(ask, PerUserRate.REPLY);
      return;
    }
    long start = System.nanoTime();
    try {
      Question question =
          new Question(
              StoredText.cap(ask.text()), history(ask), new Asker(ask.teamId(), ask.userId()));
      LiveAnswer streaming = null;
      Answer answer;
      if (ask.destination() instanceof Destination.Conversation c) {
        streaming = live.open(ask.teamId(), ask.userId(), c);
        answer = engine.answerStreaming(question, streaming);
      } else {
        answer = engine.answer(question); // an ephemeral reply cannot be edited as it grows
      }
      questionLog.record(ask.teamId(), ask.userId(), channel(ask.destination()), answer);
      post(ask, answer, streaming);
      CoachMetrics.question(
          "slack", answer.answered(), answer.topic() == null ? null : answer.topic().id(), start);
    } catch (RuntimeException e) {
      log.error(
          "could not answer a Slack question (team {}, user {}, {})",
          ask.teamId(),
          ask.userId(),
          ask.destination(),
          e);
      apologise(ask);
    }
  }

  /** Tells the asker something went wrong; used when the failure happened elsewhere too. */
  void apologise(Ask ask) {
    tell(ask, ERROR_TEXT);
  }

  private void tell(Ask ask, String text) {
    try {
      if (ask.destination() instanceof Destination.Conversation c) {
        slack.call(
            "chat.postMessage",
            client ->
                client.chatPostMessage(
                    r -> r.channel(c.channel()).threadTs(c.threadTs()).text(text)));
      } else if (ask.destination() instanceof Destination.ResponseUrl r) {
        slack.respond(
            r.url(),
            ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(false)
                .text(text)
                .build());
      }
    } catch (RuntimeException e) {
      log.error("could not tell the asker about the failure either ({})", ask.destination(), e);
    }
  }

  private List<PastTurn> history(Ask ask) {
    if (!(ask.destination() instanceof Destination.Conversation c)) {
      return List.of();
    }
    if (c.assistant()) {
      setStatus(c, THINKING);
    }
    boolean topLevel = c.threadTs() == null;
    return answers.history(
        new Place(ask.teamId(), c.channel(), c.threadTs()),
        HISTORY_EXCHANGES,
        topLevel ? DIRECT_MESSAGE_MEMORY : THREAD_MEMORY);
  }

  private void post(Ask ask, Answer answer, LiveAnswer streaming) {
    String id = UUID.randomUUID().toString();
    List<LayoutBlock> rendered = AnswerBlocks.answer(answer, id, ask.options());
    List<LayoutBlock> blocks =
        !answer.answered() && expertsAvailable.getAsBoolean()
            ? ExpertBlocks.withAsk(rendered, id)
            : rendered;
    String text = AnswerBlocks.fallbackText(answer);
    if (ask.destination() instanceof Destination.Conversation c) {
      // Saved before posting, so a reply typed right after the answer already finds the thread.
      answers.save(
          id, new Place(ask.teamId(), c.channel(), c.threadTs()), null, ask.userId(), answer);
      if (streaming != null) {
        Optional<LiveAnswer.Posted> shown;
        try {
          shown = streaming.complete(answer, id, ask.options());
        } catch (RuntimeException e) {
          answers.forget(id);
          throw e;
        }
        if (shown.isPresent()) {
          answers.posted(id, shown.get().channel(), shown.get().ts());
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
    } else if (ask.destination() instanceof Destination.ResponseUrl r) {
      answers.save(
          id, new Place(ask.teamId(), r.channel(), EPHEMERAL_THREAD), null, ask.userId(), answer);
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

  private static String channel(Destination destination) {
    if (destination instanceof Destination.Conversation c) {
      return c.channel();
    }
    return ((Destination.ResponseUrl) destination).channel();
  }
}
