package org.scalingcoach.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The SDK's Web API client, reading every form call's response with one shared Gson. The stock
 * client builds a new Gson for each response, and with it the type adapters of the response's whole
 * class tree (messages, blocks, files): under load that was half the delivery workers' CPU. A Gson
 * is thread-safe and caches its adapters, so one per client is enough.
 *
 * <p>The SDK's per-team call statistics ({@code MethodsConfig.statsEnabled}) are not kept for these
 * calls; the coach counts its calls itself ({@code CoachMetrics.apiCall}).
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {
  private final Gson gson;

  SharedGsonMethodsClient(Slack slack, String token) {
    super(slack.getHttpClient(), token);
    // Slack.methods() sets this too; without it every call goes to slack.com instead of the
    // configured API (a local fake Slack in tests and benchmarks never answers then).
    setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
  }

  /** The shared snake-case Gson, for writing request bodies too. */
  Gson gson() {
    return gson;
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String methodName, String token, Class<T> type)
      throws IOException, SlackApiException {
    try (Response response = runPostFormWithToken(form, methodName, token)) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
      }
      try {
        T parsed = gson.fromJson(body, type);
        if (parsed == null) {
          throw new IOException("Slack " + methodName + " answered an empty body");
        }
        parsed.setHttpResponseHeaders(lowerCased(response.headers().toMultimap()));
        return parsed;
      } finally {
        getSlackHttpClient().runHttpResponseListeners(response, body);
      }
    }
  }

  /** Response headers keyed in lower case, as the stock client hands them to callers. */
  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new HashMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return lower;
  }
}
