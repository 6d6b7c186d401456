package org.scalingcoach.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.scalingcoach.AuditServices;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.audit.AuditException;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.CsvExport;
import org.scalingcoach.audit.MarkdownExport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.ScoreChart;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.llm.AuditSummarizer;
import org.scalingcoach.llm.ReportFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends audit messages: questions, reports, charts and exports, in the person's DM with the coach.
 */
final class AuditConversation {
  static final String SORRY =
      "Something went wrong on my side. Your answers so far are saved; please try again in a"
          + " moment.";
  private static final Logger log = LoggerFactory.getLogger(AuditConversation.class);

  private final SlackWebApi slack;
  private final BackgroundWork work;
  private final SlackFiles files;
  private final AuditServices audits;

  private final AuditSummarizer summaries;
  private final Supplier<KnowledgeBase> knowledge;

  AuditConversation(
      SlackWebApi slack,
      BackgroundWork work,
      AuditServices audits,
      AuditSummarizer summaries,
      Supplier<KnowledgeBase> knowledge) {
    this.slack = slack;
    this.work = work;
    this.files = new SlackFiles(slack);
    this.audits = audits;
    this.summaries = summaries;
    this.knowledge = knowledge;
  }

  /** Posts the current question (or the finish step) as a new DM message; returns its channel. */
  String postStep(String userId, Progress progress) {
    List<LayoutBlock> blocks =
        progress.readyToFinish() ? AuditBlocks.review(progress) : AuditBlocks.question(progress);
    String text =
        progress.readyToFinish()
            ? "Ready to finish " + progress.definition().title()
            : progress.progressLine() + ": " + progress.question().text();
    return post(userId, text, blocks);
  }

  /** Replaces a message, such as a question once it is answered. */
  void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
    slack.call(
        "chat.update",
        client -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
  }

  String post(String channel, String text, List<LayoutBlock> blocks) {
    return postMessage(channel, text, blocks).getChannel();
  }

  private ChatPostMessageResponse postMessage(
      String channel, String text, List<LayoutBlock> blocks) {
    return slack.call(
        "chat.postMessage",
        client -> client.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks)));
  }

  /**
   * Posts a report with its chart; the owner's copy gets share and export buttons. The language
   * model's summary, when one is configured, is written afterwards and edited into the posted
   * report, so a slow model never holds the report back.
   */
  void postReport(String channel, AuditReport report, boolean ownerCopy) {
    List<LayoutBlock> blocks = AuditReportBlocks.report(report, ownerCopy);
    String text =
        Mrkdwn.escape(report.definition().title() + " report: " + report.audit().subject());
    ChatPostMessageResponse posted = postMessage(channel, text, blocks);
    String postedChannel = posted.getChannel() != null ? posted.getChannel() : channel;
    work.submit(
        "add the summary to report " + report.audit().id(),
        () -> addSummary(postedChannel, posted.getTs(), text, blocks, report));
    files.share(
        postedChannel,
        "Dimension scores",
        List.of(
            new SlackFiles.Upload(
                fileName(report, "png"),
                report.definition().title() + " scores",
                ScoreChart.png(report))));
  }

  private void addSummary(
      String channel, String ts, String text, List<LayoutBlock> reportBlocks, AuditReport report) {
    summary(report)
        .ifPresent(
            block -> {
              List<LayoutBlock> blocks = new ArrayList<>(reportBlocks);
              blocks.add(Math.min(1, blocks.size()), block);
              update(channel, ts, text, blocks);
            });
  }

  /** A short narrative of the report written by the language model, when one is configured. */
  private Optional<LayoutBlock> summary(AuditReport report) {
    Asker asker = new Asker(report.audit().teamId(), report.audit().userId());
    return summaries
        .summarise(asker, ReportFacts.of(report, knowledge.get()))
        .map(
            summary -> {
              StringBuilder text =
                  new StringBuilder("*In short*\n").append(Mrkdwn.fromMarkdown(summary.markdown()));
              for (int i = 0; i < summary.cited().size(); i++) {
                Section s = summary.cited().get(i);
                text.append("\n[")
                    .append(i + 1)
                    .append("] ")
                    .append(Mrkdwn.escape(s.documentTitle() + " › " + s.heading()));
              }
              return section(b -> b.text(markdownText(text.toString())));
            });
  }

  /** Uploads the Markdown and CSV of a report to the person's DM. */
  void postExports(String userId, AuditReport report) {
    String channel =
        post(
            userId,
            Mrkdwn.escape(
                "Exports of " + report.definition().title() + ": " + report.audit().subject()),
            List.of(
                com.slack.api.model.block.Blocks.section(
                    s ->
                        s.text(
                            com.slack.api.model.block.composition.BlockCompositions.markdownText(
                                "Here are the exports of *"
                                    + Mrkdwn.escape(report.definition().title())
                                    + "* · "
                                    + Mrkdwn.escape(report.audit().subject())
                                    + " (Markdown and CSV)")))));
    files.share(
        channel,
        null,
        List.of(
            new SlackFiles.Upload(
                fileName(report, "md"),
                "Audit report (Markdown)",
                MarkdownExport.render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new SlackFiles.Upload(
                fileName(report, "csv"),
                "Audit report (CSV)",
                CsvExport.render(report).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  AuditReport report(Actor actor, long auditId) {
    return audits.history().report(actor, auditId);
  }

  /** Runs an audit action for a person, telling them plainly when it cannot be done. */
  void safely(String responseUrl, String userId, Runnable action) {
    try {
      action.run();
    } catch (AuditException e) {
      tell(responseUrl, userId, Mrkdwn.escape(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("audit action failed for {}", userId, e);
      tell(responseUrl, userId, SORRY);
    }
  }

  void tell(String responseUrl, String userId, String message) {
    try {
      if (responseUrl != null) {
        slack.respond(
            responseUrl,
            ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(false)
                .text(message)
                .build());
      } else {
        slack.call(
            "chat.postMessage",
            client -> client.chatPostMessage(r -> r.channel(userId).text(message)));
      }
    } catch (RuntimeException e) {
      log.error("could not tell {} that: {}", userId, message, e);
    }
  }

  private static String fileName(AuditReport report, String extension) {
    String subject =
        report.audit().subject().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return report.definition().id()
        + "-"
        + (subject.isEmpty() ? "audit" : subject)
        + "-"
        + report.audit().id()
        + "."
        + extension;
  }
}
