package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditFixture;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.conversation.AnswerReplies;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditReportReplies;
import org.scalingcoach.conversation.ExpertReplies;
import org.scalingcoach.conversation.Reply;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestions;

/**
 * Renders the coach's cards with Microsoft's own Adaptive Cards renderer (npm {@code adaptivecards}
 * under node, in a jsdom document) with Teams' host config, and fails on any parse or validation
 * event: what the renderer refuses or drops, Teams drops too. With Chromium present the rendered
 * cards are also screenshot at 2× into {@code target/teams-cards/} for people to look at.
 *
 * <p>{@code .ci/run} installs the renderer into {@code target/cards}; without node or that folder
 * the test is skipped with a message.
 */
class AdaptiveCardRenderTest {
  private static final Path MODULES = Path.of("target/cards/node_modules");
  private static final Path RENDERER = Path.of("src/test/resources/teams/renderer");
  private static final Path OUT = Path.of("target/teams-cards");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Teams refuses a message over about 28 KB. */
  private static final int TEAMS_MESSAGE_LIMIT = 28_000;

  private static Map<String, ObjectNode> messages;
  private static Map<String, JsonNode> rendered;

  @BeforeAll
  static void renderEveryKindOfCard() throws Exception {
    assumeTrue(
        Files.isDirectory(MODULES.resolve("adaptivecards"))
            && Files.isDirectory(MODULES.resolve("jsdom"))
            && Files.isDirectory(MODULES.resolve("markdown-it"))
            && runs("node", "--version"),
        "node with adaptivecards, jsdom and markdown-it in target/cards is needed (see .ci/run)");
    messages = messages();
    Files.createDirectories(OUT);
    ArrayNode input = JSON.createArrayNode();
    messages.forEach(
        (name, message) ->
            input
                .addObject()
                .put("name", name)
                .set("card", message.path("attachments").get(0).path("content")));
    Path cards = OUT.resolve("cards.json");
    Path results = OUT.resolve("rendered.json");
    JSON.writeValue(cards.toFile(), input);
    run(
        "node",
        RENDERER.resolve("render-cards.js").toString(),
        MODULES.toAbsolutePath().toString(),
        cards.toString(),
        RENDERER.resolve("teams-host-config.json").toString(),
        results.toString());
    rendered = new LinkedHashMap<>();
    for (JsonNode result : JSON.readTree(results.toFile())) {
      rendered.put(result.path("name").asText(), result);
    }
    screenshots();
  }

  @Test
  void every_card_parses_and_validates_at_version_1_5_with_the_teams_host_config() {
    assertThat(rendered.keySet()).containsExactlyElementsOf(messages.keySet());
    rendered.forEach(
        (name, result) -> {
          assertThat(result.path("problems")).as(name).isEmpty();
          assertThat(result.path("html").asText()).as(name).contains("ac-adaptiveCard");
        });
  }

  @Test
  void every_card_keeps_the_mark_it_is_recognised_by_after_a_crash() {
    messages.forEach(
        (name, message) -> {
          String mark =
              message
                  .path("attachments")
                  .get(0)
                  .path("content")
                  .path("body")
                  .get(0)
                  .path("id")
                  .asText();
          assertThat(mark).as(name).startsWith("coach-m-");
          // The renderer gives an element's id to its HTML: the card was read with the mark on it.
          assertThat(rendered.get(name).path("html").asText())
              .as(name)
              .contains("id=\"" + mark + "\"");
        });
  }

  @Test
  void every_button_is_rendered_with_its_whole_title() {
    messages.forEach(
        (name, message) -> {
          String html = rendered.get(name).path("html").asText();
          for (String title : shownTitles(message.path("attachments").get(0).path("content"))) {
            assertThat(html).as(name).contains("title=\"" + escaped(title) + "\"");
          }
        });
  }

  @Test
  void follow_ups_show_in_full_as_clickable_rows_and_feedback_has_its_own_row() {
    JsonNode card = messages.get("answer").path("attachments").get(0).path("content");
    String html = rendered.get("answer").path("html").asText();
    List<String> followUps = new ArrayList<>();
    card.path("body")
        .forEach(
            element -> {
              if (element.has("selectAction")) {
                followUps.add(element.path("selectAction").path("data").path("question").asText());
              }
            });

    assertThat(followUps).isNotEmpty();
    for (String followUp : followUps) {
      assertThat(html).contains(followUp.replace("&", "&amp;"));
    }
    String lastActionRow = html.substring(html.lastIndexOf("ac-actionSet"));
    assertThat(lastActionRow.split("<button", -1)).hasSize(3); // 👍 and 👎, nothing else
    assertThat(lastActionRow).contains("Helpful").contains("Not helpful");
  }

  @Test
  void every_card_message_carries_a_summary_from_its_first_line_and_fits_in_a_teams_message() {
    messages.forEach(
        (name, message) -> {
          assertThat(message.path("summary").asText()).as(name).isNotBlank();
          assertThat(message.path("summary").asText()).as(name).isNotEqualTo("Scaling Coach");
          assertThat(message.toString().getBytes(StandardCharsets.UTF_8).length)
              .as(name)
              .isLessThan(TEAMS_MESSAGE_LIMIT);
        });
  }

  @Test
  void the_report_chart_is_shown_at_half_its_pixel_width_so_it_is_sharp() {
    JsonNode card = messages.get("audit-report").path("attachments").get(0).path("content");
    JsonNode image = null;
    for (JsonNode element : card.path("body")) {
      if (element.path("type").asText().equals("Image")) {
        image = element;
      }
    }

    assertThat(image).isNotNull();
    assertThat(image.path("width").asText()).isEqualTo(ScoreChart.WIDTH + "px");
    assertThat(rendered.get("audit-report").path("html").asText())
        .contains("width: " + ScoreChart.WIDTH + "px");
  }

  /** One message of each kind the coach sends as a card, built the way the bot builds them. */
  private static Map<String, ObjectNode> messages() {
    TeamsActivity chat = TeamsRepliesTest.personalChat();
    Map<String, ObjectNode> messages = new LinkedHashMap<>();
    Answer answer =
        TestCore.shared()
            .answers()
            .answer(Question.of("What breaks when we scale from one model to twenty?"));
    messages.put("answer", chat.replyWithCard(TeamsCards.answer(answer)));
    Answer refused = TestCore.shared().answers().answer(Question.of("How do I reset my VPN?"));
    messages.put(
        "answer-refused-with-expert",
        chat.replyWithCard(TeamsReplies.card(AnswerReplies.of(refused, "", true))));

    AuditFixture audits = new AuditFixture();
    Actor anna = new Actor("T1", "UANNA");
    var progress = audits.engine.start(anna, "plan-for-mlops", "Churn model EMEA");
    progress =
        audits.engine.answer(
            anna,
            progress.audit().id(),
            progress.audit().revision(),
            progress.question().id(),
            progress.question().options().get(1).id());
    messages.put(
        "audit-question", chat.replyWithCard(TeamsReplies.card(AuditReplies.step(progress))));
    audits.finishWith(anna, "plan-for-mlops", "Churn model EMEA", 0);
    audits.clock.advance(Duration.ofDays(30));
    AuditRecord second = audits.finishWith(anna, "plan-for-mlops", "Churn model EMEA", 2);
    var report = audits.history.report(anna, second.id());
    write(OUT.resolve("audit-chart.png"), ScoreChart.png(report));
    messages.put(
        "audit-report",
        chat.replyWithCard(TeamsReplies.card(AuditReportReplies.report(report, true))));
    messages.put(
        "audit-team",
        chat.replyWithCard(
            TeamsReplies.card(
                AuditReportReplies.team(
                    audits.history.latest(anna), true, u -> new Reply.Person(u, "Anna", false)))));
    List<AuditRecord> finished = audits.history.history(anna, "plan-for-mlops", "Churn model EMEA");
    var by = finished.stream().map(a -> new Reply.Person(a.userId(), "you", true)).toList();
    messages.put(
        "audit-history",
        chat.replyWithCard(
            TeamsReplies.card(
                AuditReportReplies.history(
                    audits.history.title(second), second.subject(), finished, by))));
    var paused = audits.engine.start(anna, "plan-for-mlops", "Pricing model");
    paused = audits.engine.pause(anna, paused.audit().id());
    messages.put("audit-paused", chat.replyWithCard(TeamsReplies.card(AuditReplies.step(paused))));
    messages.put(
        "audit-menu",
        chat.replyWithCard(
            TeamsReplies.card(
                AuditReplies.menu(
                    audits.engine.catalog().definitions(),
                    audits.store.list("T1", "UANNA"),
                    List.of("That button was old: here is where you are.")))));
    messages.put(
        "audit-nudge",
        chat.replyWithCard(
            TeamsReplies.card(AuditReportReplies.nudge(paused.audit(), "Plan for MLOps"))));

    ExpertQuestion asked =
        ExpertQuestions.open(
            "teams",
            "Who should own retraining once the model is live in three countries?",
            "We have one data scientist per country and no platform team yet.",
            answer.markdown());
    messages.put(
        "expert-question",
        chat.messageWithCard(
            TeamsReplies.card(ExpertReplies.question(asked, null, true, "teams"))));
    messages.put(
        "expert-offer-after-vote-down",
        chat.replyWithCard(
            TeamsReplies.card(
                ExpertReplies.afterVoteDown(
                    org.scalingcoach.conversation.ConversationService.THANKS_DOWN,
                    new org.scalingcoach.conversation.Turn.Action(
                        "feedback", Map.of("vote", "down", "question", asked.question()))))));
    // Marked as the Connector client marks every card of a delivery, so the mark is checked too.
    Map<String, ObjectNode> marked = new LinkedHashMap<>();
    int index = 0;
    for (var entry : messages.entrySet()) {
      String mark = ReplyMarkers.of("teams", "tenant", "activity:a:chat:1", index++);
      marked.put(entry.getKey(), ReplyMarkers.marked(entry.getValue(), mark).orElseThrow());
    }
    return marked;
  }

  /**
   * Each rendered card in a Teams-like frame, screenshot by headless Chromium at 2× (as on a
   * high-density screen) and trimmed to the card, for a person to look at.
   */
  private static void screenshots() throws Exception {
    if (!runs("chromium", "--version")) {
      return;
    }
    String css = Files.readString(RENDERER.resolve("teams-container-light.css"));
    for (var entry : rendered.entrySet()) {
      Path page = OUT.resolve(entry.getKey() + ".html").toAbsolutePath();
      Files.writeString(
          page,
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
              + css
              + "body{margin:0;background:#F5F5F5}.frame{width:560px;margin:16px}</style></head>"
              + "<body><div class=\"frame teams-card\">"
              + entry.getValue().path("html").asText()
              + "</div></body></html>");
      Path png = OUT.resolve(entry.getKey() + ".png").toAbsolutePath();
      run(
          "chromium",
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--hide-scrollbars",
          "--force-device-scale-factor=2",
          "--window-size=592,2000",
          "--screenshot=" + png,
          page.toUri().toString());
      trimBottom(png);
    }
  }

  /** Cuts the empty window below the card off the screenshot. */
  private static void trimBottom(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    int background = image.getRGB(0, image.getHeight() - 1);
    int bottom = image.getHeight() - 1;
    while (bottom > 0 && rowIs(image, bottom, background)) {
      bottom--;
    }
    int height = Math.min(image.getHeight(), bottom + 32);
    ImageIO.write(image.getSubimage(0, 0, image.getWidth(), height), "png", png.toFile());
  }

  private static boolean rowIs(BufferedImage image, int y, int rgb) {
    for (int x = 0; x < image.getWidth(); x++) {
      if (image.getRGB(x, y) != rgb) {
        return false;
      }
    }
    return true;
  }

  /** The titles of the buttons on show, not those inside a ShowCard that is still closed. */
  private static List<String> shownTitles(JsonNode node) {
    List<String> titles = new ArrayList<>();
    if (node.isObject()) {
      if (node.path("type").asText().startsWith("Action.")) {
        titles.add(node.path("title").asText());
      }
      node.fields()
          .forEachRemaining(
              field -> {
                // A closed ShowCard's buttons are not on show; a clickable row has no title.
                if (!field.getKey().equals("card") && !field.getKey().equals("selectAction")) {
                  titles.addAll(shownTitles(field.getValue()));
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> titles.addAll(shownTitles(child)));
    }
    return titles;
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String escaped(String title) {
    return title.replace("&", "&amp;").replace("\"", "&quot;");
  }

  private static boolean runs(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("card-render", ".log");
    Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command[0] + " did not finish: " + Files.readString(log));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          command[0] + " exited " + process.exitValue() + ": " + Files.readString(log));
    }
  }
}
