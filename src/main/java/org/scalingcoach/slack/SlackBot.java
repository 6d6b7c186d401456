package org.scalingcoach.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.config.SetupException;
import org.scalingcoach.config.SlackSettings;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.delivery.BackgroundWork;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.store.AssistantThreadStore;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.HandledEventStore;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SlackAnswerStore;
import org.scalingcoach.store.SlackFeedbackStore;
import org.scalingcoach.store.SlackMemory;
import org.scalingcoach.store.SqliteInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the coach: a Bolt {@link App} wired to the core, reachable over HTTP (the web
 * server mounts {@link #app()}) or Socket Mode ({@link #connectSocketMode()}).
 */
public final class SlackBot implements AutoCloseable {
  private static final int WORKER_THREADS = 32;

  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
  private static final Duration DEDUPE_RETENTION = Duration.ofDays(1);

  private final SlackSettings settings;
  private final Slack slack;
  private final App app;
  private final BackgroundWork work;
  private final SlashCommands commands;
  private final Reminders reminders;
  private final SlackInbox inbox;
  private SlackSocket socketMode;
  private DeliveryWorkers ownedDeliveries;

  private SlackBot(
      SlackSettings settings,
      Slack slack,
      App app,
      BackgroundWork work,
      SlashCommands commands,
      Reminders reminders,
      SlackInbox inbox) {
    this.reminders = reminders;
    this.inbox = inbox;
    this.settings = settings;
    this.slack = slack;
    this.app = app;
    this.work = work;
    this.commands = commands;
  }

  /**
   * Builds the bot without audits or admin commands, with an inbox of its own (closed with the
   * bot); {@code sleeper} waits between rate-limited retries.
   */
  public static SlackBot create(
      SlackSettings settings, CoachCore core, Database database, Retry.Sleeper sleeper) {
    DeliveryWorkers own =
        new DeliveryWorkers(
            new SqliteInbox(database), Clock.systemUTC(), 8, 2_000, Duration.ofDays(1));
    SlackBot bot = create(settings, core, database, sleeper, null, null, own, null);
    bot.ownedDeliveries = own;
    own.resume();
    return bot;
  }

  /**
   * Builds the bot with audits (when {@code audits} is given), {@code /coach admin} (when {@code
   * admin} is given) and "Ask an expert" (when {@code experts} is given); requests taken over HTTP
   * go through {@code deliveries}' inbox, and {@code sleeper} waits between rate-limited retries.
   */
  public static SlackBot create(
      SlackSettings settings,
      CoachCore core,
      Database database,
      Retry.Sleeper sleeper,
      AuditServices audits,
      AdminActions admin,
      DeliveryWorkers deliveries,
      ExpertRelay experts) {
    if (settings.mode() == SlackSettings.Mode.DISABLED) {
      throw new IllegalArgumentException(SlackSettings.howToConnect());
    }
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
    Slack slack = Slack.getInstance(slackConfig);
    App app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                // SlackEventsServlet checks every HTTP request's signature before anything reads
                // its body, and Socket Mode requests carry none: Bolt's second check of the same
                // signature only cost processor time on the request thread.
                .requestVerificationEnabled(false)
                .unmatchedRequestHandler(SlackBot::unmatched)
                .build());
    SlackWebApi webApi = new SlackWebApi(slack, settings.botToken(), sleeper);
    // Most background time is spent waiting on Slack's Web API, not on the CPU: size for waiting.
    BackgroundWork work = new BackgroundWork(SlackTurns.PLATFORM, WORKER_THREADS, 1_000);
    SlackAnswerStore answers = new SlackAnswerStore(database, Clock.systemUTC());
    SlackMemory memory =
        new SlackMemory(answers, new SlackFeedbackStore(database), new QuestionLog(database));
    HandledEventStore handled =
        new HandledEventStore(database, Clock.systemUTC(), DEDUPE_RETENTION);
    ConversationService service =
        new ConversationService(
                SlackTurns.PLATFORM,
                SlashCommands.PREFIX,
                admin,
                experts,
                audits != null,
                new ConversationService.Answering(core.answers(), memory, memory))
            .withClicks(handled);
    SlackAnswerer answerer = new SlackAnswerer(service, webApi, answers);
    SlashCommands commands =
        new SlashCommands(
            service,
            (question, request, context) -> {
              var payload = request.getPayload();
              var where =
                  new Destination.ResponseUrl(payload.getResponseUrl(), payload.getChannelId());
              var turn =
                  SlackTurns.typed(payload.getTeamId(), payload.getUserId(), where, question);
              work.submit(
                  "answer /coach from " + payload.getUserId(),
                  () ->
                      answerer.answer(turn, question, where, new AnswerBlocks.Options(null, true)));
              return context.ack();
            },
            work,
            webApi);
    app.command(SlashCommands.COMMAND, commands::handle);
    SlackEvents events =
        new SlackEvents(
            work,
            answerer,
            handled,
            answers,
            (team, user) -> service.home(team, user, core.knowledge()),
            webApi,
            new AssistantThreadStore(database, Clock.systemUTC()));
    events.register(app);
    SlackActions actions = new SlackActions(work, answerer, answers, service, webApi);
    actions.register(app);
    if (experts != null) {
      SlackExperts slackExperts = new SlackExperts(service, answers, work, webApi);
      slackExperts.register(app);
      actions.withExperts(slackExperts);
      events.divertThreadReplies(slackExperts::onThreadReply);
      experts.add(new SlackExpertMessenger(webApi, answers));
    }
    Reminders reminders = null;
    if (audits != null) {
      AuditTurns turns =
          audits.turns(
              core,
              (workspace, user) -> Optional.empty(),
              SlashCommands.PREFIX,
              "Slack",
              AuditTurns.Steps.NEW_MESSAGES);
      service.withAudits(turns);
      SlackAudits slackAudits = new SlackAudits(service, turns, answerer, work, webApi);
      commands.onAudit(slackAudits::command);
      slackAudits.register(app);
      actions.withAudits(slackAudits);
      audits.deliverRemindersThrough(new SlackAuditReminders(answerer, turns));
      reminders = audits.reminders();
    }
    SlackInbox inbox =
        new SlackInbox(app, deliveries, settings.signingSecret(), webApi, Clock.systemUTC());
    deliveries.register(SlackInbox.PLATFORM, inbox);
    return new SlackBot(settings, slack, app, work, commands, reminders, inbox);
  }

  /**
   * Events we are subscribed to but do not act on (edits, deletions, joins) are acknowledged, so
   * Slack does not retry them; anything else unknown is a 404 as in Bolt.
   */
  private static Response unmatched(com.slack.api.bolt.request.Request<?> request) {
    if (request.getRequestType() == RequestType.Event) {
      return Response.ok();
    }
    return Response.json(404, "{\"error\":\"no handler found\"}");
  }

  public App app() {
    return app;
  }

  /**
   * Takes a verified HTTP request: Bolt acknowledges it, and its work is stored in the inbox before
   * the acknowledgement goes out (or Slack gets a 503 to retry when the inbox is full).
   */
  public Response receive(com.slack.api.bolt.request.Request<?> request) throws Exception {
    return inbox.receive(request);
  }

  public SlackSettings.Mode mode() {
    return settings.mode();
  }

  /** The {@code /coach} subcommands, for features that add their own. */
  public SlashCommands commands() {
    return commands;
  }

  /** Connects to Slack over a WebSocket: no public URL needed. */
  public synchronized void connectSocketMode() throws Exception {
    // Envelopes go through the inbox like HTTP requests: stored before they are acknowledged.
    try {
      app.start();
      socketMode = SlackSocket.connect(slack, settings.appToken(), app, inbox);
    } catch (IllegalStateException e) {
      // Bolt's way of saying apps.connections.open answered ok: false (invalid_auth, …).
      throw new SetupException(
          "Slack refused the Socket Mode connection ("
              + e.getMessage()
              + "): SLACK_APP_TOKEN must be an app-level token (xapp-…) of this app with the"
              + " connections:write scope, and Socket Mode must be on",
          e);
    }
    log.info("connected to Slack over Socket Mode");
  }

  @Override
  public synchronized void close() {
    if (socketMode != null) {
      socketMode.close();
    }
    if (reminders != null) {
      reminders.close();
    }
    work.close();
    if (ownedDeliveries != null) {
      ownedDeliveries.close();
    }
    try {
      app.stop();
      slack.close();
    } catch (Exception e) {
      log.warn("closing the Slack client failed", e);
    }
  }
}
