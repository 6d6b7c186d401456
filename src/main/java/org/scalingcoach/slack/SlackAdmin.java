package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.admin.AdminException;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.SignInLink;
import org.scalingcoach.store.Insights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /coach admin reload} and {@code /coach admin insights}: admin actions in Slack, refused
 * with a clear message to anyone without the admin role in the workspace.
 */
final class SlackAdmin {
  static final String USAGE =
      "Admin commands: `/coach admin reload` reads the knowledge base, audits and prompts again;"
          + " `/coach admin insights` shows what this workspace could not get answered and which"
          + " answers were voted down; `/coach admin console` sends you a sign-in link to the"
          + " web console.";
  private static final Logger log = LoggerFactory.getLogger(SlackAdmin.class);
  private static final int MAX_PROBLEMS_SHOWN = 15;
  private static final int MAX_TEXT = 2_900;

  private final AdminActions admin;
  private final BackgroundWork work;
  private final SlackWebApi slack;

  SlackAdmin(AdminActions admin, BackgroundWork work, SlackWebApi slack) {
    this.admin = admin;
    this.work = work;
    this.slack = slack;
  }

  void register(SlashCommands commands) {
    commands.register(
        "admin",
        "/coach admin reload|insights|console",
        "admins: reload the knowledge base, insights, the web console",
        this::command);
  }

  private Response command(
      String arguments, SlashCommandRequest request, SlashCommandContext context) {
    var payload = request.getPayload();
    Actor actor = new Actor(payload.getTeamId(), payload.getUserId());
    String action = arguments.strip().toLowerCase(Locale.ROOT);
    AdminActions.Action kind;
    Function<Actor, List<LayoutBlock>> run;
    switch (action) {
      case "reload" -> {
        kind = AdminActions.Action.RELOAD;
        run = a -> reportBlocks(admin.reload(a));
      }
      case "console" -> {
        return context.ack(consoleLink(actor));
      }
      case "insights" -> {
        kind = AdminActions.Action.INSIGHTS;
        run = a -> insightBlocks(admin.insights(a));
      }
      default -> {
        return context.ack(USAGE);
      }
    }
    try {
      admin.check(actor, kind);
    } catch (AdminException e) {
      return context.ack(e.getMessage());
    }
    work.submit(
        "/coach admin " + action + " by " + actor.userId(),
        () -> respond(payload.getResponseUrl(), actor, run));
    return context.ack(
        kind == AdminActions.Action.RELOAD ? "Reloading the knowledge base…" : "One moment…");
  }

  /** The link goes back in the acknowledgement: ephemeral, so only the admin sees it. */
  private String consoleLink(Actor actor) {
    try {
      SignInLink link = admin.consoleLink(actor, "slack");
      return "Your link to the admin console: <"
          + link.url()
          + "|open the admin console>. It works once, for "
          + ConsoleSignIn.LINK_LIFETIME.toMinutes()
          + " minutes; the session it opens lasts "
          + ConsoleSignIn.SESSION_LIFETIME.toHours()
          + " hours.";
    } catch (AdminException e) {
      return e.getMessage();
    }
  }

  private void respond(String responseUrl, Actor actor, Function<Actor, List<LayoutBlock>> run) {
    List<LayoutBlock> blocks;
    String text;
    try {
      blocks = run.apply(actor);
      text = "Admin";
    } catch (AdminException e) {
      blocks = null;
      text = e.getMessage();
    } catch (RuntimeException e) {
      log.error("admin command failed for {} in {}", actor.userId(), actor.teamId(), e);
      blocks = null;
      text =
          "Something went wrong on my side; the coach keeps answering as before. Check the logs.";
    }
    slack.respond(
        responseUrl,
        ActionResponse.builder()
            .responseType("ephemeral")
            .replaceOriginal(false)
            .text(text)
            .blocks(blocks)
            .build());
  }

  static List<LayoutBlock> reportBlocks(ReloadReport report) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(Mrkdwn.escape(report.summary())))));
    List<String> lines = report.problemLines(MAX_PROBLEMS_SHOWN);
    if (!lines.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (String line : lines) {
        text.append("• `").append(Mrkdwn.escape(line).replace("`", "'")).append("`\n");
      }
      String body = limit(text.toString());
      blocks.add(section(s -> s.text(markdownText(body))));
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "Broken files were skipped; everything else is in use. Fix them and"
                                  + " reload again.")))));
    }
    return blocks;
  }

  static List<LayoutBlock> insightBlocks(AdminActions.WorkspaceInsights insights) {
    Insights.Usage usage = insights.usage();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Insights: last " + insights.days() + " days", true))));
    String summary =
        usage.asked()
            + " questions asked, "
            + usage.answered()
            + " answered"
            + (usage.asked() == 0
                ? "."
                : " (" + Math.round(100.0 * usage.answered() / usage.asked()) + "%).");
    blocks.add(context(c -> c.elements(List.of(markdownText(summary)))));
    StringBuilder unanswered = new StringBuilder("*Not answered* (add or extend knowledge)\n");
    if (insights.unanswered().isEmpty()) {
      unanswered.append("_none_");
    }
    for (Insights.Unanswered u : insights.unanswered()) {
      unanswered.append("• ").append(u.times()).append("× ").append(quote(u.question()));
      unanswered.append('\n');
    }
    String unansweredText = limit(unanswered.toString());
    blocks.add(section(s -> s.text(markdownText(unansweredText))));
    StringBuilder down = new StringBuilder("*Voted down* (check the cited sections)\n");
    if (insights.votedDown().isEmpty()) {
      down.append("_none_");
    }
    for (Insights.Rated r : insights.votedDown()) {
      down.append("• ")
          .append(r.down())
          .append(" 👎 ")
          .append(r.up())
          .append(" 👍 ")
          .append(quote(r.question()));
      if (r.sources() != null && !r.sources().isBlank()) {
        down.append(" — ").append(Mrkdwn.escape(r.sources()));
      }
      down.append('\n');
    }
    String downText = limit(down.toString());
    blocks.add(section(s -> s.text(markdownText(downText))));
    Insights.ExpertQuestions experts = insights.experts();
    if (!experts.isEmpty()) {
      StringBuilder asked = new StringBuilder("*Asked the experts*\n");
      appendExperts(asked, "Waiting", experts.waiting());
      appendExperts(asked, "Answered (Draft knowledge turns them into files)", experts.answered());
      appendExperts(asked, "Drafted into knowledge/drafts", experts.drafted());
      String askedText = limit(asked.toString());
      blocks.add(section(s -> s.text(markdownText(askedText))));
    }
    return blocks;
  }

  private static void appendExperts(StringBuilder text, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    text.append('_').append(title).append("_\n");
    lines.forEach(l -> text.append("• ").append(Mrkdwn.escape(l)).append('\n'));
  }

  private static String quote(String question) {
    String oneLine = question.replaceAll("\\s+", " ").strip();
    if (oneLine.length() > 150) {
      oneLine = oneLine.substring(0, 149) + "…";
    }
    return "_" + Mrkdwn.escape(oneLine) + "_";
  }

  private static String limit(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
  }
}
