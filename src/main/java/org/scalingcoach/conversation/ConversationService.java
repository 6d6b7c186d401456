package org.scalingcoach.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.scalingcoach.admin.AdminActions;
import org.scalingcoach.admin.AdminException;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.answer.Asker;
import org.scalingcoach.answer.Question;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.console.ConsoleSignIn;
import org.scalingcoach.console.SignInLink;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.expert.QuestionLines;
import org.scalingcoach.guard.PerUserRate;
import org.scalingcoach.guard.StoredText;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.metrics.CoachMetrics;

/**
 * The conversation, once for every chat platform: reads a {@link Turn} with the one {@link Command}
 * grammar, applies the one {@link ConversationPolicy}, and answers help, admin commands and {@code
 * my questions} with a neutral {@link Reply}. Questions and audits are routed, already allowed, to
 * whoever answers them.
 */
public final class ConversationService {
  public static final String BUTTON_GONE =
      "That button no longer works. Ask me a question to start again.";

  /** What a person is told when answering them failed, on any platform. */
  public static final String SORRY =
      "Sorry, something went wrong on my side and I couldn't answer. Please try again in a"
          + " minute; if it keeps happening, let your admin know.";

  public static final String THANKS_UP = "Thanks! Glad that helped.";
  public static final String THANKS_DOWN =
      "Thanks for telling me. An admin will review this answer to improve the knowledge base.";
  public static final String ANSWER_GONE =
      "I no longer have that answer; please ask the question again.";
  static final String UNREADABLE_VOTE =
      "I couldn't read that vote. Please use the 👍 or 👎 button under an answer.";
  private static final int MAX_PROBLEMS_SHOWN = 15;
  private static final int QUOTE_CHARS = 150;

  private final String platform;
  private final String prefix;
  private final Features features;
  private final ConversationPolicy policy;
  private final AdminActions admin;
  private final ExpertRelay experts;
  private final ExpertTurns expertTurns;
  private final Answering answering;
  private final PerUserRate rate = PerUserRate.standard();
  private volatile AuditTurns audits;
  private volatile Clicks clicks;

  /**
   * How long a click on the same button in the same place by the same person counts as a double
   * click: long enough for someone who clicks again because the answer is still being written.
   */
  public static final Duration DOUBLE_CLICK_WINDOW = Duration.ofMinutes(1);

  /**
   * What answering needs: the engine, the memory of each conversation and the feedback log.
   *
   * @param engine answers from the knowledge base (and a model, when one is set up)
   */
  public record Answering(AnswerEngine engine, ConversationMemory memory, FeedbackLog feedback) {}

  /**
   * @param platform the platform whose turns this instance reads ({@code slack}, {@code teams})
   * @param prefix what people type there before a command, as the help text shows it
   * @param admin the admin actions, or null when the coach runs without them
   * @param experts "Ask an expert", or null when the coach runs without it
   * @param audits whether guided audits run
   */
  public ConversationService(
      String platform, String prefix, AdminActions admin, ExpertRelay experts, boolean audits) {
    this(platform, prefix, admin, experts, audits, null);
  }

  /** The same, answering questions and keeping feedback through {@code answering}. */
  public ConversationService(
      String platform,
      String prefix,
      AdminActions admin,
      ExpertRelay experts,
      boolean audits,
      Answering answering) {
    this.answering = answering;
    this.platform = platform;
    this.prefix = prefix;
    this.admin = admin;
    this.experts = experts;
    this.expertTurns = experts == null ? null : new ExpertTurns(experts, platform);
    this.features = new Features(audits, admin != null, experts != null);
    this.policy = new ConversationPolicy(prefix);
  }

  /** Runs guided audits through {@code audits}: typed audit commands and audit clicks. */
  public ConversationService withAudits(AuditTurns audits) {
    this.audits = audits;
    return this;
  }

  /**
   * Tells double clicks apart through {@code clicks}: a question button clicked twice is answered
   * once. (Audit buttons carry the audit's revision and are decided by {@link AuditTurns}.)
   */
  public ConversationService withClicks(Clicks clicks) {
    this.clicks = clicks;
    return this;
  }

  /**
   * True unless {@code click} repeats one the same person made on the same button, in the same
   * conversation and thread, within {@link #DOUBLE_CLICK_WINDOW}: the decision both platforms
   * share. Always true without {@link #withClicks}.
   */
  public boolean firstClick(Turn click) {
    if (clicks == null || click.action() == null) {
      return true;
    }
    String key =
        String.join(
            ":",
            "click",
            click.user(),
            String.valueOf(click.conversation()),
            String.valueOf(click.thread()),
            click.action().name(),
            new java.util.TreeMap<>(click.action().token()).toString());
    return clicks.claim(platform, click.workspace(), List.of(key), DOUBLE_CLICK_WINDOW);
  }

  /** "Ask an expert", for clicks {@link #route} allowed; null without experts. */
  public ExpertTurns experts() {
    return expertTurns;
  }

  /** The audit conversation, for turns {@link #route} allowed; null without audits. */
  public AuditTurns audits() {
    return audits;
  }

  public Features features() {
    return features;
  }

  /**
   * What a person's home shows, part by part: who the coach is, what it knows (as loaded now),
   * example questions, and their questions to the experts and their audits where those run.
   */
  public List<Reply> home(String workspace, String user, KnowledgeBase knowledge) {
    List<Reply> parts = new ArrayList<>();
    parts.add(Welcome.home(new Reply.Person(user, user, false)));
    parts.add(Welcome.knowledge(knowledge));
    parts.add(Welcome.tryAQuestion());
    if (expertTurns != null && expertTurns.asked(workspace, user)) {
      parts.add(Reply.text(myQuestions(workspace, user)));
    }
    if (audits != null) {
      parts.add(audits.home(workspace, user));
    }
    return parts;
  }

  /** The help text in Markdown. */
  public String help() {
    return HelpText.help(prefix, features);
  }

  /**
   * How audit commands are typed, for a place where a typed audit command cannot run (a Slack
   * message, where audits run through the slash command).
   */
  public Reply auditUsage() {
    return Reply.text(HelpText.auditUsage(prefix));
  }

  /** Decides what to do with {@code turn}: typed text is read with the grammar, clicks by name. */
  public Route route(Turn turn) {
    if (turn.action() != null) {
      return click(turn);
    }
    if (turn.text() == null || turn.text().isBlank()) {
      // An empty message (a bare mention, "/coach" alone) is someone finding out what this is.
      return new Route.Say(Welcome.greeting(prefix));
    }
    Command command = features.resolve(Command.parse(turn.text()), turn.text());
    var refused = policy.refusal(turn, command);
    if (refused.isPresent()) {
      return say(refused.get());
    }
    if (command instanceof Command.Help) {
      return say(help());
    }
    if (command instanceof Command.MyQuestions) {
      return say(myQuestions(turn));
    }
    if (command instanceof Command.Admin a) {
      return admin(turn, a.verb());
    }
    if (command instanceof Command.Audit a) {
      return a.verb() == Command.AuditVerb.USAGE
          ? say(HelpText.auditUsage(prefix))
          : new Route.Audit(a);
    }
    return new Route.Ask(((Command.Question) command).text());
  }

  /**
   * Handles {@code turn} from start to end, typed or clicked, on an inbox worker: help, refusals
   * and admin commands (slow ones run right here) are sent to {@code out}, a question is answered
   * into it, and a click (a vote, an audit step, an unknown button) is handled into it. Returns the
   * route, so the adapter handles what is left: a typed audit command or an expert's click; a
   * double click is dropped.
   */
  public Route converse(Turn turn, Outbox out) {
    Route route = route(turn);
    if (route instanceof Route.Say say) {
      if (turn.action() == null) {
        out.send(say.reply());
      } else {
        out.note(say.reply()); // a refused click is the clicker's business
      }
    } else if (route instanceof Route.Later later) {
      out.send(later.reply().get());
    } else if (route instanceof Route.Ask ask) {
      answer(turn, ask.question(), out);
    } else if (route instanceof Route.Click click) {
      return clicked(turn, click.action(), out);
    }
    return route;
  }

  /**
   * A click the policy allowed, other than a question: a vote is thanked, an audit step goes to the
   * audits and its replies where each belongs, a button no release reads is said plainly. An
   * expert's button is left to the adapter, which collects the words in a form of its own.
   */
  private Route clicked(Turn turn, Turn.Action action, Outbox out) {
    String name = action.name();
    if (name.equals(AnswerReplies.FEEDBACK) && answering != null) {
      out.note(feedback(turn));
    } else if (ConversationPolicy.isAuditAction(name) && audits != null) {
      audits.place(audits.click(turn), out);
    } else if (ExpertTurns.handles(name) && expertTurns != null) {
      return new Route.Click(action);
    } else {
      out.note(Reply.text(BUTTON_GONE));
    }
    return new Route.Handled(action);
  }

  /** Answers {@code question}, asked in {@code turn}, into {@code out}, with its preview. */
  public void answer(Turn turn, String question, Outbox out) {
    Route route = ask(turn, question, out.preview());
    if (route instanceof Route.Answered answered) {
      out.answered(question, answered);
    } else if (route instanceof Route.Say say) {
      out.send(say.reply());
    }
  }

  private Route click(Turn turn) {
    var refused = policy.refusal(turn);
    if (refused.isPresent()) {
      return say(refused.get());
    }
    if (turn.action().name().equals("ask")) {
      String question = turn.action().value("question").strip();
      if (question.isEmpty()) {
        return say(BUTTON_GONE);
      }
      return firstClick(turn) ? new Route.Ask(question) : new Route.Repeated();
    }
    return new Route.Click(turn.action());
  }

  /**
   * Answers {@code question}, asked in {@code turn} (typed, or a clicked follow-up), with the
   * conversation's earlier turns; the answer is remembered before it is returned. A person asking
   * faster than {@link PerUserRate} allows is told to wait.
   */
  public Route ask(Turn turn, String question) {
    return ask(turn, question, null);
  }

  /**
   * The same, passing the answer written so far to {@code preview} each time it grows (null: no
   * preview), for a platform that shows an answer while it is written.
   */
  public Route ask(Turn turn, String question, Consumer<String> preview) {
    if (question.isBlank()) {
      return say(help());
    }
    if (!rate.allow(turn.workspace(), turn.user())) {
      return say(PerUserRate.REPLY);
    }
    long start = System.nanoTime();
    Question asked =
        new Question(
            StoredText.cap(question),
            answering.memory().recent(turn),
            new Asker(turn.workspace(), turn.user()));
    Answer answer =
        preview == null
            ? answering.engine().answer(asked)
            : answering.engine().answerStreaming(asked, preview);
    CoachMetrics.question(
        platform, answer.answered(), answer.topic() == null ? null : answer.topic().id(), start);
    String id = answering.memory().remember(turn, question, answer);
    return new Route.Answered(answer, id, expertsAvailable());
  }

  /**
   * Keeps the 👍 or 👎 of {@code click} and thanks for it; a 👎 offers "Ask an expert" while
   * experts are available.
   */
  public Reply feedback(Turn click) {
    String vote = click.action().value("vote");
    if (!vote.equals("up") && !vote.equals("down")) {
      return Reply.text(UNREADABLE_VOTE);
    }
    if (!answering.feedback().record(click, vote.equals("up"))) {
      return Reply.text(ANSWER_GONE);
    }
    if (vote.equals("down") && expertsAvailable()) {
      return ExpertReplies.afterVoteDown(THANKS_DOWN, click.action());
    }
    return Reply.text(vote.equals("up") ? THANKS_UP : THANKS_DOWN);
  }

  /** True while "Ask an expert" can be offered: it is on and someone can answer. */
  private boolean expertsAvailable() {
    return experts != null && experts.available();
  }

  private Route admin(Turn turn, Command.AdminVerb verb) {
    Actor actor = new Actor(turn.workspace(), turn.user());
    try {
      return switch (verb) {
        case USAGE -> say(HelpText.adminUsage(prefix));
        case CONSOLE -> say(consoleLink(actor));
        case RELOAD -> {
          admin.check(actor, AdminActions.Action.RELOAD);
          yield later("Reloading the knowledge base…", () -> reloaded(admin.reload(actor)));
        }
        case INSIGHTS -> {
          admin.check(actor, AdminActions.Action.INSIGHTS);
          yield later("One moment…", () -> insights(admin.insights(actor)));
        }
      };
    } catch (AdminException e) {
      return say(e.getMessage());
    }
  }

  private String consoleLink(Actor actor) {
    SignInLink link = admin.consoleLink(actor, platform);
    return "[Open the admin console]("
        + link.url()
        + "). The link works once, for "
        + ConsoleSignIn.LINK_LIFETIME.toMinutes()
        + " minutes; the session it opens lasts "
        + ConsoleSignIn.SESSION_LIFETIME.toHours()
        + " hours.";
  }

  /** What a reload read, and the files it had to skip. */
  static Reply reloaded(ReloadReport report) {
    StringBuilder text = new StringBuilder(report.summary());
    List<String> problems = report.problemLines(MAX_PROBLEMS_SHOWN);
    for (String line : problems) {
      text.append("\n- `").append(line.replace("`", "'")).append('`');
    }
    Reply reply = Reply.text(text.toString());
    if (problems.isEmpty()) {
      return reply;
    }
    return new Reply(
        reply.markdown(),
        List.of(),
        List.of(),
        List.of(),
        List.of("Broken files were skipped; everything else is in use. Fix them and reload again."),
        null,
        false);
  }

  /** What this workspace could not get answered, which answers were voted down, the experts. */
  static Reply insights(AdminActions.WorkspaceInsights insights) {
    InsightFigures.Usage usage = insights.usage();
    StringBuilder text =
        new StringBuilder("**Insights: last ")
            .append(insights.days())
            .append(" days**\n\n")
            .append(usage.asked())
            .append(" questions asked, ")
            .append(usage.answered())
            .append(" answered")
            .append(
                usage.asked() == 0
                    ? "."
                    : " (" + Math.round(100.0 * usage.answered() / usage.asked()) + "%).")
            .append("\n\n**Not answered** (add or extend knowledge)\n");
    if (insights.unanswered().isEmpty()) {
      text.append("- none\n");
    }
    insights
        .unanswered()
        .forEach(u -> text.append("- ").append(u.times()).append("× ").append(quote(u.question())));
    text.append("\n**Voted down** (check the cited sections)\n");
    if (insights.votedDown().isEmpty()) {
      text.append("- none\n");
    }
    for (InsightFigures.Rated r : insights.votedDown()) {
      text.append("- ")
          .append(r.down())
          .append(" 👎 ")
          .append(r.up())
          .append(" 👍 ")
          .append(quote(r.question()).strip());
      if (r.sources() != null && !r.sources().isBlank()) {
        text.append(" — ").append(r.sources());
      }
      text.append('\n');
    }
    InsightFigures.ExpertQuestions asked = insights.experts();
    if (!asked.isEmpty()) {
      text.append("\n**Asked the experts**\n");
      expertLines(text, "Waiting", asked.waiting());
      expertLines(text, "Answered (Draft knowledge turns them into files)", asked.answered());
      expertLines(text, "Drafted into knowledge/drafts", asked.drafted());
    }
    return Reply.text(text.toString().strip());
  }

  private static void expertLines(StringBuilder text, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    text.append("\n_").append(title).append("_\n\n");
    lines.forEach(l -> text.append("- ").append(l).append('\n'));
  }

  private String myQuestions(Turn turn) {
    return myQuestions(turn.workspace(), turn.user());
  }

  /** The questions {@code user} asked the experts, and where they stand, in Markdown. */
  public String myQuestions(String workspace, String user) {
    List<ExpertQuestion> mine = experts.desk().askedBy(platform, workspace, user);
    if (mine.isEmpty()) {
      return "You have not asked the experts anything yet. When I cannot answer, use **Ask an"
          + " expert** under my reply.";
    }
    StringBuilder text = new StringBuilder("**Your questions to the experts**\n");
    QuestionLines.of(mine).forEach(l -> text.append("\n- ").append(l));
    return text.toString();
  }

  private static String quote(String question) {
    String oneLine = question.replaceAll("\\s+", " ").strip();
    if (oneLine.length() > QUOTE_CHARS) {
      oneLine = oneLine.substring(0, QUOTE_CHARS - 1) + "…";
    }
    return "_" + oneLine + "_\n";
  }

  /** Slow admin work whose refusal, found only once it runs, is said like any other. */
  private static Route later(String acknowledgement, java.util.function.Supplier<Reply> work) {
    return new Route.Later(
        acknowledgement,
        () -> {
          try {
            return work.get();
          } catch (AdminException e) {
            return Reply.text(e.getMessage());
          }
        });
  }

  private static Route say(String markdown) {
    return new Route.Say(Reply.text(markdown));
  }
}
