package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditQuestion;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.DimensionScore;
import org.scalingcoach.audit.NextAction;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.conversation.AuditReplies;
import org.scalingcoach.conversation.AuditView;
import org.scalingcoach.conversation.Reply;

/**
 * Guided audits as Adaptive Cards: the menu to start one, a card per question with its options as
 * buttons, pause and finish cards, and the scored report with its chart.
 */
final class AuditCards {
  /** Teams refuses messages over about 28 KB, so the chart is shrunk to fit well below that. */
  static final int MAX_CHART_BYTES = 16_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AuditCards() {}

  static ObjectNode menu(List<AuditDefinition> definitions) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(TeamsCards.text("**Start a guided audit**").put("size", "Medium"));
    body.add(
        TeamsCards.text(
            "One question at a time, with buttons. You can go back, skip, pause and resume; at the"
                + " end you get a scored report with your next three actions."));
    ObjectNode type = body.addObject();
    type.put("type", "Input.ChoiceSet").put("id", "type").put("label", "Audit");
    type.put("isRequired", true).put("errorMessage", "Pick an audit");
    type.put("value", definitions.isEmpty() ? "" : definitions.get(0).id());
    ArrayNode choices = type.putArray("choices");
    for (AuditDefinition definition : definitions) {
      choices.addObject().put("title", definition.title()).put("value", definition.id());
    }
    ObjectNode subject = body.addObject();
    subject.put("type", "Input.Text").put("id", "subject");
    subject.put("label", "What are you auditing?");
    subject.put("placeholder", "A team, model or initiative, e.g. Churn model EMEA");
    subject.put("maxLength", 120).put("isRequired", true);
    subject.put("errorMessage", "Name what you are auditing");
    card.putArray("actions").add(TeamsCards.submit("Start", action("audit-start")));
    return card;
  }

  /** The card of one of the core's audit replies. */
  static ObjectNode card(Reply reply) {
    Reply.View view = reply.view();
    if (view instanceof AuditView.Question q) {
      return question(reply, q.progress());
    }
    if (view instanceof AuditView.Review r) {
      return withButtons(stepCard(reply, r.progress(), r.line()), reply);
    }
    if (view instanceof AuditView.Paused p) {
      ObjectNode card = TeamsCards.card();
      ArrayNode body = card.withArray("body");
      body.add(TeamsCards.text("**" + title(p.progress()) + "** is paused").put("size", "Medium"));
      body.add(TeamsCards.text(p.line()));
      return withButtons(card, reply);
    }
    if (view instanceof AuditView.Report r) {
      return withButtons(report(r.report(), reply.file().content()), reply);
    }
    if (view instanceof AuditView.Menu m) {
      ObjectNode card = menu(m.definitions());
      reply.notices().forEach(n -> card.withArray("body").insert(0, TeamsCards.text(n)));
      return card;
    }
    if (view instanceof AuditView.Team t) {
      return TeamsAuditViews.team(reply, t);
    }
    if (view instanceof AuditView.History h) {
      return TeamsAuditViews.history(h);
    }
    if (view instanceof AuditView.Reminder r) {
      return withButtons(TeamsAuditViews.reminder(r.schedule(), r.title()), reply);
    }
    if (view instanceof AuditView.Nudge n) {
      return withButtons(TeamsAuditViews.nudge(n.audit(), n.title()), reply);
    }
    return TeamsCards.notice(reply.markdown());
  }

  /** The model's short narrative of a report, with its sources. */
  static ObjectNode summary(Reply summary) {
    StringBuilder text = new StringBuilder(summary.markdown());
    for (Reply.Source s : summary.sources()) {
      text.append("\n\n[")
          .append(s.number())
          .append("] ")
          .append(s.title())
          .append(" › ")
          .append(s.section());
    }
    return TeamsCards.notice(text.toString());
  }

  static ObjectNode question(Progress progress) {
    return card(AuditReplies.step(progress));
  }

  private static ObjectNode question(Reply reply, Progress progress) {
    ObjectNode card = stepCard(reply, progress, null);
    ArrayNode body = card.withArray("body");
    AuditQuestion question = progress.question();
    body.add(TeamsCards.text("**" + question.text() + "**").put("size", "Medium"));
    if (question.help() != null && !question.help().isBlank()) {
      body.add(TeamsCards.text(question.help()).put("isSubtle", true).put("size", "Small"));
    }
    for (Reply.Button choice : reply.choices()) {
      body.addObject().put("type", "ActionSet").putArray("actions").add(submit(choice));
    }
    return withButtons(card, reply);
  }

  private static ObjectNode stepCard(Reply reply, Progress progress, String line) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    body.add(TeamsCards.text(title(progress)).put("weight", "Bolder"));
    body.add(TeamsCards.text(progress.progressLine()).put("isSubtle", true).put("spacing", "None"));
    for (String notice : reply.notices()) {
      body.add(TeamsCards.text(notice).put("color", "Warning"));
    }
    if (line != null) {
      body.add(TeamsCards.text(line));
    }
    return card;
  }

  /** The reply's buttons as the card's actions, each carrying its token as the submit data. */
  private static ObjectNode withButtons(ObjectNode card, Reply reply) {
    if (!reply.buttons().isEmpty()) {
      ArrayNode actions = card.putArray("actions");
      reply.buttons().forEach(b -> actions.add(submit(b)));
    }
    return card;
  }

  static ObjectNode submit(Reply.Button button) {
    ObjectNode data = NODES.objectNode().put(TeamsCards.ACTION, button.action().name());
    button.action().token().forEach(data::put);
    return TeamsCards.submit(button.label(), data);
  }

  static ObjectNode report(AuditReport report, byte[] chartPng) {
    ObjectNode card = TeamsCards.card();
    ArrayNode body = card.withArray("body");
    DimensionScore overall = report.scorecard().overall();
    body.add(
        TeamsCards.text(
                "**"
                    + report.definition().title()
                    + ": "
                    + TeamsCards.inert(report.audit().subject())
                    + "**")
            .put("size", "Medium"));
    body.add(
        TeamsCards.text(
                "Overall "
                    + Math.round(overall.score())
                    + "/100 · "
                    + overall.level().label()
                    + " ("
                    + overall.answered()
                    + " answered, "
                    + overall.skipped()
                    + " skipped)")
            .put("weight", "Bolder"));
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    for (DimensionScore d : report.scorecard().dimensions()) {
      facts
          .addObject()
          .put("title", d.name())
          .put(
              "value",
              d.assessed()
                  ? Math.round(d.score()) + "/100 · " + d.level().label()
                  : "not assessed (all skipped)");
    }
    // Shown at half its pixel width: sharp on high-density screens, never stretched and blurred.
    chartDataUri(chartPng)
        .ifPresent(
            chart ->
                body.addObject()
                    .put("type", "Image")
                    .put("url", chart.uri())
                    .put("altText", "Score per dimension")
                    .put("width", chart.pixelWidth() / 2 + "px"));
    if (!report.scorecard().actions().isEmpty()) {
      body.add(TeamsCards.text("**Your next actions**").put("separator", true));
      int n = 1;
      for (NextAction action : report.scorecard().actions()) {
        // "**1.**" rather than "1." keeps Teams from rendering a one-item list per action.
        body.add(TeamsCards.text("**" + n++ + ".** " + action.action()).put("spacing", "Small"));
        body.add(
            TeamsCards.text(action.dimension() + " · " + readable(action.finding()))
                .put("size", "Small")
                .put("isSubtle", true)
                .put("spacing", "None"));
      }
    }
    return card;
  }

  /** "Now: 0 No MLOps" reads as "today: No MLOps (level 0)". */
  static String readable(String finding) {
    java.util.regex.Matcher now =
        java.util.regex.Pattern.compile("Now: (\\d+) (.+)").matcher(finding);
    if (now.matches()) {
      return "today: " + now.group(2) + " (level " + now.group(1) + ")";
    }
    return finding.isEmpty()
        ? finding
        : Character.toLowerCase(finding.charAt(0)) + finding.substring(1);
  }

  /** A chart ready for a card: its data URI and how many pixels wide it is. */
  record Chart(String uri, int pixelWidth) {}

  /**
   * The chart as a data URI, as drawn when it fits in a Teams message, else shrunk until it does;
   * empty if it cannot.
   */
  static java.util.Optional<Chart> chartDataUri(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        return java.util.Optional.empty();
      }
      byte[] candidate = png;
      for (int width = image.getWidth(); width >= 240; width -= 80) {
        if (width != image.getWidth()) {
          candidate = scaled(image, width);
        }
        if (candidate.length <= MAX_CHART_BYTES) {
          return java.util.Optional.of(
              new Chart(
                  "data:image/png;base64," + Base64.getEncoder().encodeToString(candidate), width));
        }
      }
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  private static byte[] scaled(BufferedImage image, int width) throws IOException {
    int height = image.getHeight() * width / image.getWidth();
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "png", out);
    return out.toByteArray();
  }

  private static String title(Progress progress) {
    return progress.definition().title() + ": " + TeamsCards.inert(progress.audit().subject());
  }

  private static ObjectNode action(String name) {
    return NODES.objectNode().put(TeamsCards.ACTION, name);
  }
}
