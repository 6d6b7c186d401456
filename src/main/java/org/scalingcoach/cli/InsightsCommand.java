package org.scalingcoach.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.scalingcoach.conversation.InsightFigures;
import org.scalingcoach.store.Insights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code insights}: shows admins what the coach could not answer and what people voted down. */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    description = {
      "Show questions the coach could not answer, answers voted down in Slack and Teams, and"
          + " usage per topic — the to-do list for improving the knowledge base."
    })
public final class InsightsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption data;

  @Option(
      names = "--team",
      description = "Only this workspace (Slack team id or Teams tenant id); default: all.")
  String team;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Look back this many days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "Rows per list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (days < 1 || limit < 1) {
      err.println("error: --days and --limit must be at least 1");
      err.flush();
      return 2;
    }
    Insights insights = new Insights(data.openExisting());
    Instant since = Instant.now().minus(Duration.ofDays(days));

    InsightFigures.Usage usage = insights.usage(team, since);
    out.printf(
        "Last %d days%s: %d questions, %d answered (%s)%n",
        days,
        team == null ? "" : " in " + team,
        usage.asked(),
        usage.answered(),
        usage.asked() == 0 ? "-" : Math.round(100.0 * usage.answered() / usage.asked()) + "%");
    usage.byTopic().forEach((topic, count) -> out.printf("  %-22s %d%n", topic, count));

    out.println();
    out.println("Questions the coach could not answer (add or extend knowledge for these):");
    var unanswered = insights.unanswered(team, since, limit);
    if (unanswered.isEmpty()) {
      out.println("  none");
    }
    unanswered.forEach(
        u -> out.printf("  %3dx  %s  (last %s)%n", u.times(), u.question(), u.lastAsked()));
    var languages = insights.otherLanguages(team, since);
    if (!languages.isEmpty()) {
      out.println("  asked in other languages (answered in English only for now):");
      languages.forEach((language, count) -> out.printf("  %3dx  %s%n", count, language));
    }

    out.println();
    out.println("Answers voted down (check the cited sections):");
    var down = insights.votedDown(team, since, limit);
    if (down.isEmpty()) {
      out.println("  none");
    }
    down.forEach(
        r ->
            out.printf(
                "  %d down / %d up  [%s] %s%n      sources: %s%n",
                r.down(), r.up(), r.channel(), r.question(), r.sources()));

    out.println();
    out.println("Questions asked to the experts:");
    InsightFigures.ExpertQuestions experts = insights.expertQuestions(team, since, limit);
    if (experts.isEmpty()) {
      out.println("  none");
    }
    experts.waiting().forEach(l -> out.printf("  waiting   %s%n", l));
    experts.answered().forEach(l -> out.printf("  answered  %s%n", l));
    experts.drafted().forEach(l -> out.printf("  drafted   %s%n", l));
    out.flush();
    return 0;
  }
}
