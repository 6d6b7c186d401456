package org.scalingcoach.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.scalingcoach.metrics.CoachMetrics;

/**
 * Answers every request while the coach loads its knowledge and embeddings: {@code /readyz} and
 * {@code /healthz} say so with a 503, {@code /metrics} already works, and chat requests get a 503
 * with {@code Retry-After}, so Slack and Teams deliver them again instead of losing them.
 */
final class StartingUp extends Handler.Abstract {
  static final String READYZ =
      "{\"status\":\"loading\",\"knowledge_sections\":0,\"indexed_sections\":0}";
  static final String HEALTHZ = "{\"status\":\"starting\"}";
  static final String BUSY = "{\"error\":\"starting: knowledge and embeddings are loading\"}";

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (path.equals("/metrics")) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, CoachMetrics.contentType());
      Content.Sink.write(response, true, CoachMetrics.scrape(), callback);
      return true;
    }
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
    String body =
        switch (path) {
          case "/readyz" -> READYZ;
          case "/healthz" -> HEALTHZ;
          default -> BUSY;
        };
    Content.Sink.write(response, true, body, callback);
    return true;
  }
}
