package org.scalingcoach.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.ContextActionsBlockElement;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.RichTextElement;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
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
  private static final String AS_STRING = "_as_string";
  private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");
  private final Gson gson;
  private final Gson bodies;
  private final String token;

  /** Asked before each post: Slack's answer when the message is already there (never posted). */
  private final Function<ChatPostMessageRequest, Optional<ChatPostMessageResponse>> beforePost;

  SharedGsonMethodsClient(
      Slack slack,
      String token,
      Function<ChatPostMessageRequest, Optional<ChatPostMessageResponse>> beforePost) {
    super(slack.getHttpClient(), token);
    this.token = token;
    this.beforePost = beforePost;
    // Slack.methods() sets this too; without it every call goes to slack.com instead of the
    // configured API (a local fake Slack in tests and benchmarks never answers then).
    setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
    this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    this.bodies = gson.newBuilder().registerTypeAdapterFactory(new DirectWrites()).create();
  }

  /**
   * Writes the SDK's block interfaces (a block, an element, a text) by the class each value is,
   * straight into the body. The SDK's adapters for them serialise every value into a tree of its
   * own first, which is then copied into the output: under 50 clicking auditors the trees were a
   * tenth of the coach's processor time. The JSON is the same; reading is left to the SDK.
   */
  static final class DirectWrites implements TypeAdapterFactory {
    private static final Set<Class<?>> BY_CLASS =
        Set.of(
            LayoutBlock.class,
            BlockElement.class,
            ContextBlockElement.class,
            ContextActionsBlockElement.class,
            RichTextElement.class,
            TextObject.class);

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
      if (!BY_CLASS.contains(type.getRawType())) {
        return null;
      }
      TypeAdapter<T> sdk = gson.getDelegateAdapter(this, type);
      return new TypeAdapter<>() {
        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonWriter out, T value) throws IOException {
          if (value == null) {
            out.nullValue();
          } else {
            ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).write(out, value);
          }
        }

        @Override
        public T read(JsonReader in) throws IOException {
          return sdk.read(in);
        }
      };
    }
  }

  /**
   * Posts a message as a JSON body, which Slack takes for {@code chat.postMessage} with the token
   * in the {@code Authorization} header. The stock client writes the blocks with a Gson it builds
   * for every message and then percent-encodes them into a form one character at a time: under 50
   * clicking auditors that was a tenth of the coach's processor time.
   */
  @Override
  public ChatPostMessageResponse chatPostMessage(ChatPostMessageRequest request)
      throws IOException, SlackApiException {
    Optional<ChatPostMessageResponse> there = beforePost.apply(request);
    if (there.isPresent()) {
      return there.get();
    }
    if (!plain(request.getAttachments(), request.getEventAndEntityMetadata())) {
      return super.chatPostMessage(request);
    }
    return postJson("chat.postMessage", request, ChatPostMessageResponse.class);
  }

  /** Updates a message as a JSON body, as {@link #chatPostMessage}. */
  @Override
  public ChatUpdateResponse chatUpdate(ChatUpdateRequest request)
      throws IOException, SlackApiException {
    if (!plain(request.getAttachments(), request.getFileIds())) {
      return super.chatUpdate(request);
    }
    return postJson("chat.update", request, ChatUpdateResponse.class);
  }

  /** Whether a request uses none of the rarer fields that keep to the stock form encoding. */
  private static boolean plain(Object... rarer) {
    for (Object field : rarer) {
      if (field != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The request's fields as Slack's JSON body: snake-case names, no token (it goes in the header),
   * and the {@code *_as_string} fields (JSON the caller wrote) in place of their structured twins.
   * A request with neither (the usual case) is written straight; a key can be told from text in the
   * written JSON because text has its quotes escaped.
   */
  String jsonBody(Object request) {
    String direct = bodies.toJson(request);
    if (!direct.contains("\"token\":") && !direct.contains(AS_STRING + "\":")) {
      return direct;
    }
    return gson.toJson(edited(request));
  }

  private JsonObject edited(Object request) {
    JsonObject body = bodies.toJsonTree(request).getAsJsonObject();
    body.remove("token");
    for (String field : List.copyOf(body.keySet())) {
      if (field.endsWith(AS_STRING)) {
        JsonElement written = body.remove(field);
        body.add(
            field.substring(0, field.length() - AS_STRING.length()),
            JsonParser.parseString(written.getAsString()));
      }
    }
    return body;
  }

  private <T extends SlackApiTextResponse> T postJson(
      String methodName, Object request, Class<T> type) throws IOException, SlackApiException {
    Request post =
        new Request.Builder()
            .url(getEndpointUrlPrefix() + methodName)
            .header("Authorization", "Bearer " + token)
            .post(RequestBody.create(jsonBody(request), JSON_UTF8))
            .build();
    try (Response response = getSlackHttpClient().getOkHttpClient().newCall(post).execute()) {
      return parsed(response, methodName, type);
    }
  }

  /** The shared snake-case Gson that writes request bodies, blocks straight into the output. */
  Gson gson() {
    return bodies;
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String methodName, String token, Class<T> type)
      throws IOException, SlackApiException {
    try (Response response = runPostFormWithToken(form, methodName, token)) {
      return parsed(response, methodName, type);
    }
  }

  private <T extends SlackApiTextResponse> T parsed(
      Response response, String methodName, Class<T> type) throws IOException, SlackApiException {
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

  /** Response headers keyed in lower case, as the stock client hands them to callers. */
  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new HashMap<>();
    headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
    return lower;
  }
}
