package org.scalingcoach.web;

import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalingcoach.guard.Untrusted;
import org.scalingcoach.slack.SlackBot;
import org.scalingcoach.slack.SlackPayloadCheck;
import org.scalingcoach.slack.SlackRequestReader;
import org.scalingcoach.slack.SlackSignatureVerifier;
import org.scalingcoach.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: the body is read (bounded), its signature checked, its shape
 * validated, and only then handed to Bolt. Unsigned requests get a 401 and never reach Bolt or the
 * log; bodies Slack would never send get a 4xx; Bolt's own failures on odd input are answered here
 * with a 400 and one log line, never a 500 with a stack trace.
 */
final class SlackEventsServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final int DRAIN_LIMIT_BYTES = 8 << 20;

  private final transient SlackBot bot;
  private final transient SlackAppServletAdapter bolt;
  private final transient SlackRequestReader reader;
  private final transient SlackSignatureVerifier verifier;

  SlackEventsServlet(SlackBot bot) {
    this(bot, new SlackSignatureVerifier(bot.app().config().getSigningSecret(), Clock.systemUTC()));
  }

  SlackEventsServlet(SlackBot bot, SlackSignatureVerifier verifier) {
    this.bot = bot;
    this.bolt = new SlackAppServletAdapter(bot.app().config());
    this.reader = new SlackRequestReader(bot.app().config());
    this.verifier = verifier;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        // Read (a bounded amount of) the rest so the client sees the 413, not a reset connection.
        long drained = 0;
        for (long n = 1; n > 0 && drained < DRAIN_LIMIT_BYTES; drained += n) {
          n = in.skip(DRAIN_LIMIT_BYTES - drained);
        }
        reject(response, 413, "request body too large");
        return;
      }
    }
    Optional<String> refusal =
        verifier.refusal(
            request.getHeader("X-Slack-Request-Timestamp"),
            request.getHeader("X-Slack-Signature"),
            body);
    if (refusal.isPresent()) {
      log.info("refused an unsigned Slack request: {}", refusal.get());
      reject(response, 401, "invalid request signature");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    SlackPayloadCheck.Checked checked = SlackPayloadCheck.check(text);
    if (checked.problem().isPresent()) {
      log.info(
          "refused a signed Slack request Slack would never send: {}", checked.problem().get());
      reject(response, 400, "malformed request");
      return;
    }
    Response answer;
    try {
      // Verified and checked: into the durable inbox before Slack gets its 2xx.
      answer = bot.receive(reader.read(boltRequest(request, text), checked.interaction()));
    } catch (StoreException e) {
      log.error("cannot store a Slack request in the inbox; Slack will retry", e);
      reject(response, 503, "cannot store the request; retry later");
      return;
    } catch (Exception e) {
      if (!isBadInput(e)) {
        log.error("failed to handle a Slack request", e);
        reject(response, 500, "internal error");
        return;
      }
      log.info("refused a Slack request that cannot be read: {}", Untrusted.forLog(e));
      reject(response, 400, "malformed request");
      return;
    }
    bolt.writeResponse(response, answer);
  }

  /**
   * Failures of mapping a body with odd JSON types or values (Gson's and ours), as opposed to a
   * real fault such as the database being unreachable.
   */
  static boolean isBadInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.google.gson.JsonParseException
          || t instanceof IllegalStateException
          || t instanceof ClassCastException
          || t instanceof NumberFormatException
          || t instanceof NullPointerException
          || t instanceof IndexOutOfBoundsException
          || t instanceof UnsupportedOperationException
          || t instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }

  private static void reject(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }

  /** The request as Bolt's parser takes it, with the body already read and verified. */
  private static SlackRequestParser.HttpRequest boltRequest(
      HttpServletRequest request, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(request.getRequestURI())
        .queryString(QueryStringParser.toMap(request.getQueryString()))
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(request.getRemoteAddr())
        .build();
  }
}
