package org.scalingcoach.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.scalingcoach.AuditServices;
import org.scalingcoach.CoachCore;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.audit.Reminders;
import org.scalingcoach.config.TeamsSettings;
import org.scalingcoach.conversation.AuditTurns;
import org.scalingcoach.conversation.ConversationService;
import org.scalingcoach.delivery.Delivery;
import org.scalingcoach.delivery.DeliveryWorkers;
import org.scalingcoach.delivery.NewDelivery;
import org.scalingcoach.delivery.Retry;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.guard.Untrusted;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.HandledEventStore;
import org.scalingcoach.store.QuestionLog;
import org.scalingcoach.store.SqliteInbox;
import org.scalingcoach.store.StoreException;
import org.scalingcoach.store.TeamsConversationStore;
import org.scalingcoach.store.TeamsMemory;
import org.scalingcoach.store.TeamsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}, where the Bot Framework delivers Teams activities. Every request is
 * authenticated before anything else; messages are acknowledged at once and answered through the
 * Bot Connector from a worker thread; invokes are answered in the response body.
 */
public final class TeamsMessagesServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(TeamsMessagesServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 1 << 20;
  static final String PLATFORM = "teams";

  private final transient BotFrameworkAuthenticator authenticator;
  private final transient TeamsBot bot;
  private final transient TeamsStore store;
  private final String allowedTenant;
  private final transient DeliveryWorkers deliveries;
  private final transient boolean ownsDeliveries;
  private final transient Reminders reminders;
  private volatile boolean mentionsOnly;

  /**
   * @param reminders the reminder checks to stop with the endpoint, or null
   */
  public TeamsMessagesServlet(
      BotFrameworkAuthenticator authenticator,
      TeamsBot bot,
      TeamsStore store,
      String allowedTenant,
      DeliveryWorkers deliveries,
      boolean ownsDeliveries,
      Reminders reminders) {
    this.reminders = reminders;
    this.authenticator = authenticator;
    this.bot = bot;
    this.store = store;
    this.allowedTenant = allowedTenant;
    this.deliveries = deliveries;
    this.ownsDeliveries = ownsDeliveries;
    deliveries.register(PLATFORM, this::replay);
  }

  /**
   * Wires the endpoint for real: Bot Framework keys, the bot's token, the Connector; {@code audits}
   * and {@code admin} may be null.
   */
  public static TeamsMessagesServlet create(
      TeamsSettings settings,
      CoachCore core,
      Database database,
      AuditServices audits,
      AdminActions admin) {
    DeliveryWorkers deliveries =
        new DeliveryWorkers(
            new SqliteInbox(database), Clock.systemUTC(), 16, 2_000, Duration.ofDays(1));
    TeamsMessagesServlet servlet =
        create(settings, core, database, audits, admin, deliveries, true, null);
    deliveries.resume();
    return servlet;
  }

  /**
   * The same endpoint putting its deliveries in {@code deliveries}' inbox, shared with Slack, with
   * "Ask an expert" too when {@code experts} is given.
   */
  public static TeamsMessagesServlet create(
      TeamsSettings settings,
      CoachCore core,
      Database database,
      AuditServices audits,
      AdminActions admin,
      DeliveryWorkers deliveries,
      ExpertRelay experts) {
    return create(settings, core, database, audits, admin, deliveries, false, experts);
  }

  private static TeamsMessagesServlet create(
      TeamsSettings settings,
      CoachCore core,
      Database database,
      AuditServices audits,
      AdminActions admin,
      DeliveryWorkers deliveries,
      boolean ownsDeliveries,
      ExpertRelay experts) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Clock clock = Clock.systemUTC();
    BotFrameworkKeys keys =
        new BotFrameworkKeys(http, settings.openIdMetadataUrl(), Duration.ofMinutes(5), clock);
    BotFrameworkAuthenticator authenticator =
        new BotFrameworkAuthenticator(settings.appId(), keys, settings.emulatorMode(), clock);
    Optional<BotTokenProvider> tokens =
        settings.hasCredentials()
            ? Optional.of(
                new BotTokenProvider(
                    http, settings.tokenUrl(), settings.appId(), settings.appPassword(), clock))
            : Optional.empty();
    ConnectorClient connector = new ConnectorClient(http, tokens, 4, Duration.ofMillis(500));
    settings
        .graphReading()
        .ifPresent(
            graph ->
                connector.readingBackThrough(
                    new GraphReplies(
                        http,
                        graph,
                        settings.appId(),
                        settings.appPassword(),
                        clock,
                        Duration.ofSeconds(10),
                        new Retry(3, Duration.ofMillis(500), Retry.Sleeper.THREAD))));
    TeamsStore store = new TeamsStore(database);
    TeamsConversationStore conversations = new TeamsConversationStore(database);
    AuditTurns auditTurns =
        audits == null
            ? null
            : audits.turns(
                core, TeamsAudits.people(conversations), "", "Teams", AuditTurns.Steps.IN_PLACE);
    if (audits != null) {
      audits.deliverRemindersThrough(new TeamsReminders(conversations, connector, auditTurns));
    }
    if (settings.emulatorMode()) {
      log.warn(
          "TEAMS_EMULATOR_MODE is on: unauthenticated requests from this machine are accepted."
              + " Never use it in production.");
    }
    TeamsMemory memory = new TeamsMemory(store, new QuestionLog(database));
    ConversationService conversation =
        new ConversationService(
                TeamsBot.PLATFORM,
                "",
                admin,
                experts,
                audits != null,
                new ConversationService.Answering(core.answers(), memory, memory))
            .withAudits(auditTurns)
            .withClicks(new HandledEventStore(database, Clock.systemUTC(), Duration.ofDays(1)));
    TeamsBot bot =
        new TeamsBot(
            connector,
            conversations,
            auditTurns == null ? null : new TeamsAudits(auditTurns),
            conversation);
    if (experts != null) {
      bot.withExperts(new TeamsExperts(conversation.experts()));
      experts.add(new TeamsExpertMessenger(connector, conversations));
    }
    TeamsMessagesServlet servlet =
        new TeamsMessagesServlet(
            authenticator,
            bot,
            store,
            settings.tenantId(),
            deliveries,
            ownsDeliveries,
            audits == null ? null : audits.reminders());
    // The app's consent to read channels and group chats through Graph also makes Teams send the
    // bot every message there, not only those that mention it.
    servlet.mentionsOnly = settings.graphReading().isPresent();
    return servlet;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The token is checked before the body is even read, so an unauthenticated body is never
    // parsed; what ties the token to this activity (channel, service URL) is checked after.
    BotFrameworkAuthenticator.VerifiedToken token;
    try {
      token = authenticator.verifyToken(request.getHeader("Authorization"));
    } catch (AuthenticationException e) {
      refuse(response, e);
      return;
    }
    JsonNode json;
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the body is not a JSON activity");
      return;
    }
    if (json == null || !json.isObject()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the body is not a JSON activity");
      return;
    }
    TeamsActivity activity = new TeamsActivity(json);
    try {
      authenticator.checkActivity(token, activity.channelId(), activity.serviceUrl());
    } catch (AuthenticationException e) {
      refuse(response, e);
      return;
    }
    if (allowedTenant != null && !allowedTenant.equals(activity.tenantId())) {
      log.warn(
          "rejected an activity from tenant {}: this bot serves one tenant",
          Untrusted.forLog(activity.tenantId()));
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    switch (activity.type()) {
      case "message" -> {
        if (mentionsOnly && !activity.addressesTheBot()) {
          response.setStatus(HttpServletResponse.SC_OK); // said to others in the channel or chat
          return;
        }
        acceptOnce(activity, response, () -> bot.onMessage(activity));
      }
      case "conversationUpdate" ->
          acceptOnce(activity, response, () -> bot.onConversationUpdate(activity));
      case "invoke" -> answerInvoke(activity, response);
      default -> response.setStatus(HttpServletResponse.SC_OK);
    }
  }

  private static void refuse(HttpServletResponse response, AuthenticationException e)
      throws IOException {
    log.warn("rejected a Bot Framework request: {}", Untrusted.oneLine(e.getMessage()));
    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
  }

  /** Stores the activity in the inbox before the 2xx; the Bot Framework retries a 503. */
  private void acceptOnce(TeamsActivity activity, HttpServletResponse response, Work work) {
    DeliveryWorkers.Admission admission;
    try {
      admission = deliveries.accept(delivery(activity), () -> run(activity, work));
    } catch (RejectedExecutionException | StoreException e) {
      log.error(
          "cannot take Teams activity {} now; the Bot Framework will retry",
          Untrusted.forLog(activity.id()),
          e);
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    }
    switch (admission) {
      case ACCEPTED -> response.setStatus(HttpServletResponse.SC_ACCEPTED);
      case DUPLICATE -> {
        log.info("activity {} delivered again; already handled", Untrusted.forLog(activity.id()));
        response.setStatus(HttpServletResponse.SC_OK);
      }
      case FULL -> response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  /** Redoes a stored activity after a restart. */
  private void replay(Delivery delivery) throws IOException {
    TeamsActivity activity = new TeamsActivity(JSON.readTree(delivery.payload()));
    switch (activity.type()) {
      case "message" -> run(activity, () -> bot.onMessage(activity));
      case "conversationUpdate" -> run(activity, () -> bot.onConversationUpdate(activity));
      default ->
          log.warn("stored Teams {} activity {} not replayed", activity.type(), delivery.id());
    }
  }

  /** The activity as stored: its id (else a hash of it) within its conversation is the dedupe. */
  private static NewDelivery delivery(TeamsActivity activity) {
    String raw = activity.json().toString();
    String id = activity.id().isEmpty() ? NewDelivery.hashedKey("sha256:", raw) : activity.id();
    return new NewDelivery(
        PLATFORM, activity.tenantId(), "activity:" + activity.conversationId() + ":" + id, raw);
  }

  private void run(TeamsActivity activity, Work work) {
    try {
      work.run();
    } catch (Exception e) {
      log.error(
          "failed to handle Teams {} activity {}",
          Untrusted.forLog(activity.type()),
          Untrusted.forLog(activity.id()),
          e);
      if (activity.type().equals("message")) {
        tellUserSomethingWentWrong(activity);
      }
    }
  }

  private void tellUserSomethingWentWrong(TeamsActivity activity) {
    try {
      bot.reply(activity, TeamsCards.notice(ConversationService.SORRY));
    } catch (ConnectorException | RuntimeException e) {
      log.warn("could not tell the user about the failure either: {}", e.getMessage());
    }
  }

  private void answerInvoke(TeamsActivity activity, HttpServletResponse response)
      throws IOException {
    JsonNode body;
    try {
      // Answered in the response body, so handled now; stored all the same, for the record.
      body = deliveries.answerNow(delivery(activity), () -> bot.onInvoke(activity));
    } catch (RuntimeException e) {
      log.error("failed to handle Teams invoke {}", Untrusted.forLog(activity.name()), e);
      response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(body.toString());
  }

  @Override
  public void destroy() {
    if (reminders != null) {
      reminders.close();
    }
    if (ownsDeliveries) {
      deliveries.close();
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }
}
