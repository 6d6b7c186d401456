package org.scalingcoach.expert;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.scalingcoach.expert.ExpertDesk.Expert;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertQuestion.State;
import org.scalingcoach.knowledge.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries each step the {@link ExpertDesk} allowed to the platforms it concerns: the experts'
 * channel on one platform, the asker on theirs (they may differ: a Slack employee answered from
 * Teams). Decides nothing itself beyond whom to tell.
 */
public final class ExpertRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExpertRelay.class);

  /** Decides whether someone may turn answers into knowledge (the admin role). */
  @FunctionalInterface
  public interface Admins {
    boolean isAdmin(String workspace, String user);
  }

  private final ExpertDesk desk;
  private final KnowledgeDrafts drafts;
  private final Admins admins;
  private final Clock clock;
  private final Map<String, ExpertMessenger> messengers = new ConcurrentHashMap<>();
  private ScheduledExecutorService checks;
  private volatile BooleanSupplier ourTurn = () -> true;

  /** Platform calls run here, so a click is acknowledged within Slack's three seconds. */
  private final ExecutorService messaging =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread thread = new Thread(r, "expert-messages");
            thread.setDaemon(true);
            return thread;
          });

  public ExpertRelay(ExpertDesk desk, KnowledgeDrafts drafts, Admins admins, Clock clock) {
    this.desk = desk;
    this.drafts = drafts;
    this.admins = admins;
    this.clock = clock;
  }

  /** Adds a platform; questions routed to its channels or asked there go through it. */
  public void add(ExpertMessenger messenger) {
    messengers.put(messenger.platform(), messenger);
  }

  public ExpertDesk desk() {
    return desk;
  }

  /** True when "Ask an expert" should be offered: experts are set up. */
  public boolean available() {
    return desk.available();
  }

  public boolean isAdmin(String workspace, String user) {
    return admins.isAdmin(workspace, user);
  }

  /** Hands a question to its experts and posts it in their channel. */
  public Outcome ask(
      Asker asker,
      String question,
      String context,
      String coachAnswer,
      List<String> sources,
      Optional<Topic> topic) {
    Outcome outcome = desk.ask(asker, question, context, coachAnswer, sources, topic);
    if (outcome.changed()) {
      ExpertQuestion q = outcome.question().orElseThrow();
      later("post", q, () -> post(q));
    }
    return outcome;
  }

  public Outcome claim(long id, Expert expert) {
    Outcome outcome = desk.claim(id, expert);
    if (outcome.changed()) {
      ExpertQuestion q = outcome.question().orElseThrow();
      later(
          "show the claim of",
          q,
          () ->
              update(q, "🙋 Claimed by " + mention(q, q.claimedBy().orElse(expert.user())), true));
    }
    return outcome;
  }

  /** Records the answer, delivers it to the asker on their platform and marks the message. */
  public Outcome answer(long id, Expert expert, String text) {
    Outcome outcome = desk.answer(id, expert, text);
    if (outcome.changed()) {
      ExpertQuestion q = outcome.question().orElseThrow();
      later(
          "deliver the answer to",
          q,
          () -> {
            messenger(q.asker().platform()).deliver(q);
            update(q, "✅ Answered by " + mention(q, expert.user()) + " ✓", false);
          });
    }
    return outcome;
  }

  /** Sends the question on to the default channel, or declines it and tells the asker why. */
  public Outcome notForUs(long id, Expert expert, String reason) {
    Optional<ExpertQuestion> before = desk.find(id);
    Outcome outcome = desk.notForUs(id, expert, reason);
    if (!outcome.changed()) {
      return outcome;
    }
    ExpertQuestion q = outcome.question().orElseThrow();
    if (q.state() == State.OPEN) {
      later(
          "reroute",
          q,
          () -> {
            before.ifPresent(
                b ->
                    update(
                        b,
                        "↪️ Sent on to the default experts by " + mention(b, expert.user()),
                        false));
            post(q);
          });
    } else {
      later(
          "decline",
          q,
          () -> {
            update(
                q,
                "🚫 Declined by " + mention(q, expert.user()) + ": " + q.declineReason().orElse(""),
                false);
            messenger(q.asker().platform())
                .tell(
                    q,
                    "The experts could not take your question \""
                        + q.question()
                        + "\": "
                        + q.declineReason().orElse("no reason given")
                        + ".");
          });
    }
    return outcome;
  }

  /**
   * Writes the answered question as a draft knowledge file, for admins only, and records it. The
   * draft's topic is the question's route, or scaling strategy for the default route.
   */
  public Outcome draft(long id, String workspace, String user) {
    if (!admins.isAdmin(workspace, user)) {
      return new Outcome(
          Optional.empty(), false, "Only admins can turn expert answers into knowledge.");
    }
    Optional<ExpertQuestion> found = desk.find(id);
    if (found.isEmpty() || found.get().state() != State.ANSWERED) {
      return new Outcome(found, false, "Only answered questions can become knowledge.");
    }
    if (found.get().draft().isPresent()) {
      return new Outcome(found, false, "Already drafted as " + found.get().draft().get() + ".");
    }
    Topic topic = Topic.fromId(found.get().route()).orElse(Topic.SCALING_STRATEGY);
    String path = drafts.write(found.get(), topic, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    return desk.drafted(id, user, path);
  }

  /** One check: reminds about overdue questions once and tells askers about expired ones. */
  public void runDue() {
    for (ExpertQuestion q : desk.remindOverdue()) {
      q.channel()
          .ifPresent(c -> safely("remind about", q, () -> messenger(c.platform()).remind(q)));
    }
    for (ExpertQuestion q : desk.expireStale()) {
      safely("mark expired", q, () -> update(q, "⌛ Expired without an answer", false));
      safely(
          "tell the asker about",
          q,
          () ->
              messenger(q.asker().platform())
                  .tell(
                      q,
                      "Nobody could answer your question \""
                          + q.question()
                          + "\" in time, so I closed it. An admin can see it in insights."));
    }
  }

  /**
   * Makes the background checks run only while {@code ourTurn} says so: with several replicas on
   * one database, only the one holding the expert reminders' lease sends them.
   */
  public ExpertRelay takingTurns(BooleanSupplier ourTurn) {
    this.ourTurn = ourTurn;
    return this;
  }

  /** Runs {@link #runDue()} every {@code interval} in the background until closed (once). */
  public synchronized void start(Duration interval) {
    if (checks != null) {
      return;
    }
    checks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "expert-reminders");
              thread.setDaemon(true);
              return thread;
            });
    checks.scheduleWithFixedDelay(
        () -> {
          if (!ourTurn.getAsBoolean()) {
            return;
          }
          try {
            runDue();
          } catch (RuntimeException e) {
            log.error("expert reminder check failed; trying again at the next interval", e);
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (checks != null) {
      checks.shutdownNow();
      checks = null;
    }
    messaging.shutdown();
  }

  private void later(String what, ExpertQuestion q, Runnable step) {
    messaging.execute(() -> safely(what, q, step));
  }

  private void post(ExpertQuestion q) {
    ExpertChannel channel = q.channel().orElseThrow();
    desk.posted(q.id(), messenger(channel.platform()).post(q));
  }

  /** Updates the experts' message, when it was posted; the message reference is the platform's. */
  private void update(ExpertQuestion q, String status, boolean open) {
    if (q.channel().isPresent() && q.expertMessage().isPresent()) {
      messenger(q.channel().get().platform()).update(q, status, open);
    }
  }

  private ExpertMessenger messenger(String platform) {
    ExpertMessenger messenger = messengers.get(platform);
    if (messenger == null) {
      throw new IllegalStateException(
          "experts.yaml routes to " + platform + ", which is not connected on this server");
    }
    return messenger;
  }

  /** A person as the experts' platform shows them: a Slack mention, else their id. */
  private static String mention(ExpertQuestion q, String user) {
    boolean slack = q.channel().map(c -> c.platform().equals("slack")).orElse(false);
    // A mention in the core's Markdown (conversation.Markdown#person): Slack shows it as one.
    return slack && user.matches("[UW][A-Z0-9]+")
        ? "[" + user + "](coach-mention:" + user + ")"
        : user;
  }

  private static void safely(String what, ExpertQuestion q, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      log.warn("could not {} expert question {}", what, q.id(), e);
    }
  }
}
