package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request thread reads a click once: {@link SlackPayloadCheck} parses the payload strictly and
 * {@link SlackRequestReader} maps that same tree. The result must be what Bolt's own parser makes
 * of the body, less the clicked message's blocks, which no handler reads.
 */
class SlackRequestReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AppConfig config = AppConfig.builder().singleTeamBotToken("xoxb-test").build();
  private final SlackRequestReader reader = new SlackRequestReader(config);

  @Test
  void aClickReadFromTheCheckedTreeIsWhatBoltReadsLessTheMessageBlocks() throws Exception {
    String body = clickWithMessageBlocks();
    SlackPayloadCheck.Checked checked = SlackPayloadCheck.check(body);
    assertThat(checked.problem()).isEmpty();
    assertThat(checked.interaction()).isNotNull();

    BlockActionRequest ours = (BlockActionRequest) reader.read(raw(body), checked.interaction());
    BlockActionRequest bolts = (BlockActionRequest) new SlackRequestParser(config).parse(raw(body));

    var mine = ours.getPayload();
    var theirs = bolts.getPayload();
    assertThat(mine.getTeam().getId()).isEqualTo(theirs.getTeam().getId()).isEqualTo("T1");
    assertThat(mine.getUser().getId()).isEqualTo(theirs.getUser().getId()).isEqualTo("U1");
    assertThat(mine.getActions().get(0).getActionId())
        .isEqualTo(theirs.getActions().get(0).getActionId())
        .isEqualTo("audit-answer");
    assertThat(mine.getActions().get(0).getValue())
        .isEqualTo(theirs.getActions().get(0).getValue());
    assertThat(mine.getContainer().getChannelId()).isEqualTo(theirs.getContainer().getChannelId());
    assertThat(mine.getContainer().getMessageTs()).isEqualTo(theirs.getContainer().getMessageTs());
    assertThat(mine.getResponseUrl()).isEqualTo(theirs.getResponseUrl());
    assertThat(mine.getTriggerId()).isEqualTo(theirs.getTriggerId());
    assertThat(mine.getMessage().getTs()).isEqualTo(theirs.getMessage().getTs());
    assertThat(theirs.getMessage().getBlocks()).hasSize(2);
    assertThat(mine.getMessage().getBlocks()).isNullOrEmpty();

    assertThat(ours.getContext().getTeamId()).isEqualTo(bolts.getContext().getTeamId());
    assertThat(ours.getContext().getRequestUserId())
        .isEqualTo(bolts.getContext().getRequestUserId());
    assertThat(ours.getContext().getResponseUrl()).isEqualTo(bolts.getContext().getResponseUrl());
    assertThat(ours.getContext().getTriggerId()).isEqualTo(bolts.getContext().getTriggerId());
    assertThat(ours.getRequestBodyAsString()).isEqualTo(body); // stored whole
  }

  @Test
  void aReplayedClickWithoutACheckedTreeReadsTheSame() throws Exception {
    String body = clickWithMessageBlocks();
    BlockActionRequest replayed = (BlockActionRequest) reader.read(raw(body));
    assertThat(replayed.getPayload().getActions().get(0).getActionId()).isEqualTo("audit-answer");
    assertThat(replayed.getContext().getTeamId()).isEqualTo("T1");
  }

  @Test
  void eventsAndCommandsGoToBoltsParser() {
    String event =
        SlackRequests.envelope(
            "T1",
            "Ev1",
            SlackRequests.appMention("T1", "C1", "U1", "1.1", null, "<@UCOACHBOT> hi"));
    SlackPayloadCheck.Checked checked = SlackPayloadCheck.check(event);
    assertThat(checked.problem()).isEmpty();
    assertThat(checked.interaction()).isNull();
    Request<?> request = reader.read(raw(event), checked.interaction());
    assertThat(request.getRequestType()).isEqualTo(RequestType.Event);
  }

  @Test
  void thePayloadIsReadAsStrictJson() {
    assertThat(SlackPayloadCheck.problem("payload={type:\"block_actions\"}"))
        .contains("the payload is not JSON");
    String click = URLDecoder.decode(clickWithMessageBlocks().substring(8), StandardCharsets.UTF_8);
    assertThat(SlackPayloadCheck.problem(SlackRequests.formEncode(Map.of("payload", click + "{}"))))
        .contains("the payload is not JSON");
    assertThat(
            SlackPayloadCheck.problem(
                SlackRequests.formEncode(
                    Map.of("payload", click.replace("\"response_url\":\"", "\"x\":\"")))))
        .contains("block_actions with neither a response_url nor a view");
    assertThat(
            SlackPayloadCheck.problem(
                SlackRequests.formEncode(
                    Map.of(
                        "payload",
                        click.replaceFirst(
                            "\"response_url\":\"[^\"]*\"", "\"response_url\":null")))))
        .contains("an interaction whose response_url or trigger_id is not a string");
  }

  private static String clickWithMessageBlocks() {
    try {
      String form =
          SlackRequests.blockAction(
              "T1",
              "U1",
              "D1",
              "1800000000.000001",
              null,
              false,
              "audit-answer",
              "{\"audit\":7,\"question\":\"q1\",\"option\":\"a\"}",
              "https://hooks.slack.com/actions/T1/1/abc");
      ObjectNode payload =
          (ObjectNode) JSON.readTree(URLDecoder.decode(form.substring(8), StandardCharsets.UTF_8));
      ObjectNode message = (ObjectNode) payload.get("message");
      var blocks = message.putArray("blocks");
      blocks
          .addObject()
          .put("type", "section")
          .put("block_id", "question")
          .putObject("text")
          .put("type", "mrkdwn")
          .put("text", "*Who owns each data set?*");
      var actions = blocks.addObject().put("type", "actions").put("block_id", "options");
      actions
          .putArray("elements")
          .addObject()
          .put("type", "button")
          .put("action_id", "audit-answer")
          .put("value", "a")
          .putObject("text")
          .put("type", "plain_text")
          .put("text", "Named owners");
      return SlackRequests.formEncode(Map.of("payload", payload.toString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SlackRequestParser.HttpRequest raw(String body) {
    return SlackRequestParser.HttpRequest.builder()
        .requestUri("/slack/events")
        .queryString(Map.of())
        .headers(
            new RequestHeaders(
                Map.of(
                    "content-type",
                    List.of(
                        body.startsWith("{")
                            ? "application/json"
                            : "application/x-www-form-urlencoded"))))
        .requestBody(body)
        .remoteAddress("127.0.0.1")
        .build();
  }
}
