package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.model.Attachment;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ConversationsSelectElement;
import com.slack.api.model.block.element.ImageElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.util.json.GsonFactory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages are posted and updated as JSON bodies with the token in the header, carrying what the
 * SDK's own form encoding of the same request carries (checked field by field against {@link
 * RequestFormBuilder}); requests with the rarer fields keep to the SDK's form.
 */
class SlackJsonBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "xoxb-1-json-body";

  private record Received(String path, String type, String authorization, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private SharedGsonMethodsClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          boolean refuse = exchange.getRequestURI().getPath().endsWith("chat.update");
          byte[] answer =
              (refuse
                      ? "{\"ok\":false,\"error\":\"message_not_found\"}"
                      : "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1800000000.000100\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    client =
        new SharedGsonMethodsClient(
            Slack.getInstance(config), TOKEN, request -> java.util.Optional.empty());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static List<LayoutBlock> blocks() {
    return List.of(
        SectionBlock.builder()
            .blockId("q1")
            .text(MarkdownTextObject.builder().text("*Who owns the data?* 50% & \"more\"").build())
            .build());
  }

  @Test
  void aMessageGoesAsJsonWithWhatTheSdksFormWouldCarry() throws Exception {
    ChatPostMessageRequest request =
        ChatPostMessageRequest.builder()
            .channel("C1")
            .threadTs("1700000000.000001")
            .text("Who owns the data? ✓")
            .blocks(blocks())
            .build();
    FormBody form = RequestFormBuilder.toForm(request).build();

    var response = client.chatPostMessage(request);

    assertThat(response.isOk()).isTrue();
    assertThat(response.getTs()).isEqualTo("1800000000.000100");
    Received call = received.get(0);
    assertThat(call.path()).isEqualTo("/api/chat.postMessage");
    assertThat(call.type()).startsWith("application/json").contains("charset=utf-8");
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.has("token")).isFalse();
    assertThat(body.get("blocks").isArray()).isTrue();
    assertSameFields(form, body);
  }

  @Test
  void blocksWrittenByTheCallerAreSentAsJsonAndSlacksRefusalIsRead() throws Exception {
    String written = "[{\"type\":\"divider\"}]";
    ChatUpdateRequest request =
        ChatUpdateRequest.builder()
            .channel("C1")
            .ts("1800000000.000100")
            .text("done")
            .blocksAsString(written)
            .build();
    FormBody form = RequestFormBuilder.toForm(request).build();

    var response = client.chatUpdate(request);

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("message_not_found");
    Received call = received.get(0);
    assertThat(call.path()).isEqualTo("/api/chat.update");
    assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.get("blocks")).isEqualTo(JSON.readTree(written));
    assertThat(body.has("blocks_as_string")).isFalse();
    assertSameFields(form, body);
  }

  private static void assertSameFields(FormBody form, JsonNode body) throws Exception {
    for (int i = 0; i < form.size(); i++) {
      String name = form.name(i);
      if (name.equals("token")) {
        continue;
      }
      String value = URLDecoder.decode(form.encodedValue(i), StandardCharsets.UTF_8);
      JsonNode sent = body.get(name);
      assertThat(sent).as("field %s", name).isNotNull();
      if (sent.isContainerNode()) {
        assertThat(sent).as("field %s", name).isEqualTo(JSON.readTree(value));
      } else if (sent.isBoolean()) {
        // The form writes a flag as 1 or 0, JSON as true or false.
        assertThat(sent.asBoolean() ? "1" : "0").as("field %s", name).isEqualTo(value);
      } else {
        assertThat(sent.asText()).as("field %s", name).isEqualTo(value);
      }
    }
    List<String> formNames = new java.util.ArrayList<>();
    for (int i = 0; i < form.size(); i++) {
      if (!form.name(i).equals("token")) {
        formNames.add(form.name(i));
      }
    }
    List<String> bodyNames = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(bodyNames::add);
    assertThat(bodyNames).as("no field the form would not carry").hasSameElementsAs(formNames);
  }

  /** Every kind of block and element the coach sends, and a few it does not. */
  private static List<LayoutBlock> everyKindOfBlock() {
    var button =
        ButtonElement.builder()
            .actionId("audit-answer")
            .value("{\"audit\":\"a1\",\"token\":\"x\"}")
            .text(PlainTextObject.builder().text("Yes \"quoted\"").emoji(true).build())
            .style("primary")
            .build();
    return List.of(
        HeaderBlock.builder().text(PlainTextObject.builder().text("Audit: data").build()).build(),
        SectionBlock.builder()
            .blockId("q1")
            .fields(List.of(MarkdownTextObject.builder().text("*Score* 3/5").build()))
            .text(MarkdownTextObject.builder().text("token_as_string\": <b>&</b>").build())
            .accessory(button)
            .build(),
        DividerBlock.builder().build(),
        ActionsBlock.builder()
            .elements(
                List.of(
                    button,
                    StaticSelectElement.builder()
                        .actionId("pick")
                        .options(
                            List.of(
                                OptionObject.builder()
                                    .text(PlainTextObject.builder().text("one").build())
                                    .value("1")
                                    .build()))
                        .build(),
                    ConversationsSelectElement.builder().actionId("share").build()))
            .build(),
        ContextBlock.builder()
            .elements(
                List.of(
                    ImageElement.builder().imageUrl("https://x/y.png").altText("chart").build(),
                    MarkdownTextObject.builder().text("_sources_").build()))
            .build(),
        InputBlock.builder()
            .blockId("subject")
            .label(PlainTextObject.builder().text("Subject").build())
            .element(PlainTextInputElement.builder().actionId("subject").multiline(true).build())
            .build());
  }

  @Test
  void blocksAreWrittenStraightAsTheSdkWritesThem() throws Exception {
    ChatPostMessageRequest request =
        ChatPostMessageRequest.builder()
            .channel("D1")
            .text("the next question")
            .blocks(everyKindOfBlock())
            .unfurlLinks(false)
            .build();
    com.google.gson.Gson stock = GsonFactory.createSnakeCase(new SlackConfig());

    JsonNode direct = JSON.readTree(client.jsonBody(request));

    assertThat(direct).isEqualTo(JSON.readTree(stock.toJson(request)));
    assertThat(direct.get("blocks")).hasSize(6);
    client.chatPostMessage(request);
    assertSameFields(
        RequestFormBuilder.toForm(request).build(), JSON.readTree(received.get(0).body()));
  }

  @Test
  void aTokenSetOnTheRequestStaysOutOfTheBody() throws Exception {
    ChatUpdateRequest request =
        ChatUpdateRequest.builder().token("xoxb-other").channel("C1").ts("1.2").text("x").build();

    JsonNode body = JSON.readTree(client.jsonBody(request));

    assertThat(body.has("token")).isFalse();
    assertThat(body.get("channel").asText()).isEqualTo("C1");
  }

  @Test
  void aMessageWithAttachmentsKeepsToTheSdksForm() throws Exception {
    client.chatPostMessage(
        ChatPostMessageRequest.builder()
            .channel("C1")
            .text("old style")
            .attachments(List.of(Attachment.builder().text("attached").build()))
            .build());

    Received call = received.get(0);
    assertThat(call.type()).startsWith("application/x-www-form-urlencoded");
    assertThat(call.body()).contains("attachments=");
  }
}
