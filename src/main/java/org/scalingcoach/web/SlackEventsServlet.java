package org.scalingcoach.web;

import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.scalingcoach.slack.SlackBot;
import org.scalingcoach.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet at {@code POST /slack/events}, guarded so that an oversized body is a 413 and a
 * body Bolt cannot parse is a 400, never a 500 or a stuck request thread. What Bolt accepts goes
 * through the bot's durable inbox before it is acknowledged.
 */
final class SlackEventsServlet extends SlackAppServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final int DRAIN_LIMIT_BYTES = 8 << 20;

  private final transient SlackBot bot;
  private final transient SlackAppServletAdapter adapter;

  SlackEventsServlet(SlackBot bot) {
    super(bot.app());
    this.bot = bot;
    this.adapter = new SlackAppServletAdapter(bot.app().config());
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
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      adapter.writeResponse(
          response, bot.receive(adapter.buildSlackRequest(new CachedBody(request, text))));
    } catch (StoreException e) {
      log.error("cannot store a Slack request in the inbox; Slack will retry", e);
      if (!response.isCommitted()) {
        response.reset();
        reject(response, 503, "cannot store the request; retry later");
      }
    } catch (Exception e) {
      log.info("malformed Slack request refused: {}", e.toString());
      if (!response.isCommitted()) {
        response.reset();
        reject(response, 400, "malformed request");
      }
    }
  }

  private static void reject(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }

  /** The request with its body already read, for Bolt to read again. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final String body;

    CachedBody(HttpServletRequest request, String body) {
      super(request);
      this.body = body;
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new StringReader(body));
    }
  }
}
