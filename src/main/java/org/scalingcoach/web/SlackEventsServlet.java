package org.scalingcoach.web;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet at {@code POST /slack/events}, guarded so that an oversized body is a 413 and a
 * body Bolt cannot parse is a 400, never a 500 or a stuck request thread.
 */
final class SlackEventsServlet extends SlackAppServlet {
  private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final int DRAIN_LIMIT_BYTES = 8 << 20;

  SlackEventsServlet(App app) {
    super(app);
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
      super.doPost(new CachedBody(request, text), response);
    } catch (RuntimeException e) {
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
