package org.scalingcoach.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.knowledge.Topic;

/**
 * "Ask an expert", whatever the platform: the offer under a refusal or after a 👎, the experts'
 * message with its buttons, and the expert's answer as the employee gets it. Each button that needs
 * words (a line of context, the answer, why not) says so with its {@link Reply.Prompt}: a form on a
 * card, a dialog in Slack.
 */
public final class ExpertReplies {
  public static final String ASK = "expert_ask";
  public static final String ANSWER = "expert_answer";
  public static final String NOT_FOR_US = "expert_not_for_us";
  public static final String CLAIM = "expert_claim";
  public static final String DRAFT = "expert_draft";

  /** What the offer under an answer asks before it sends the question. */
  public static final Reply.Prompt ASK_PROMPT =
      prompt(ASK, "Anything that helps them answer? (optional)", "Send", true);

  /** What an expert's Answer asks for. */
  public static final Reply.Prompt ANSWER_PROMPT =
      prompt(
          ANSWER,
          "Your answer; the person who asked gets it, with your name",
          "Send answer",
          false);

  /** What an expert's Not for us asks for. */
  public static final Reply.Prompt NOT_FOR_US_PROMPT =
      prompt(NOT_FOR_US, "Why not? The person who asked is told (optional)", "Send", true);

  /** Said in the experts' thread when a question has waited past its target. */
  public static final String OVERDUE =
      "⏰ This question has waited past its response-time target. Can someone answer or claim it?";

  static final String AFTER_VOTE_DOWN = "A person may know better than I do:";

  private static final int SHOWN_CHARS = 2_800;

  private ExpertReplies() {}

  /**
   * "Ask an expert" for {@code question}; the token carries what the experts are shown, and {@code
   * answerId} where the platform keeps answers ("" for none).
   */
  public static Reply.Button offer(String question, String topic, String answerId, String source) {
    Map<String, String> token = new LinkedHashMap<>();
    token.put("question", question == null ? "" : question);
    put(token, "topic", topic);
    put(token, "answerId", answerId);
    put(token, "sources", source);
    return Reply.Button.of("🧑‍🏫 Ask an expert", ASK, token)
        .styled(Reply.Style.PRIMARY)
        .asking(ASK_PROMPT);
  }

  /** The offer under an answer the coach could not give. */
  static Reply.Button offer(Answer answer, String answerId) {
    return offer(
        answer.question(), answer.topic() == null ? null : answer.topic().id(), answerId, null);
  }

  /** The thanks for a 👎, offering a person who may know better. */
  public static Reply afterVoteDown(String thanks, Turn.Action vote) {
    Reply.Button ask =
        offer(
            vote.value("question"),
            vote.value("topic"),
            vote.value("answer"),
            vote.value("source"));
    return Reply.of(
        thanks,
        List.of(new Block.Text(thanks + " " + AFTER_VOTE_DOWN), Block.Choices.row(List.of(ask))));
  }

  /**
   * The experts' message, as posted in {@code platform}: who asked, the question, its context, the
   * coach's answer, where it stands, and the buttons its state allows.
   */
  public static Reply question(ExpertQuestion q, String status, boolean open, String platform) {
    String who =
        q.asker().platform().equals(platform)
            ? Markdown.person(new Reply.Person(q.asker().user(), q.asker().user(), false))
            : Markdown.escape(q.asker().user()) + " (in " + name(q.asker().platform()) + ")";
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Text(
            "❓ **"
                + who
                + "** asked the experts ("
                + q.route()
                + "):\n**"
                + Markdown.escape(shorten(q.question()))
                + "**"));
    if (!q.context().isBlank()) {
      blocks.add(new Block.Context("Context: " + Markdown.escape(shorten(q.context()))));
    }
    if (!q.coachAnswer().isBlank()) {
      blocks.add(
          new Block.Text(
              "**The coach said:**\n\n" + Markdown.withoutMentions(shorten(q.coachAnswer()))));
      if (!q.sources().isEmpty()) {
        blocks.add(
            new Block.Context("Sources: " + Markdown.escape(String.join("; ", q.sources()))));
      }
    }
    if (status != null && !status.isEmpty()) {
      blocks.add(new Block.Context(status));
    }
    Map<String, String> id = Map.of("id", String.valueOf(q.id()));
    List<Reply.Button> buttons = new ArrayList<>();
    if (open) {
      buttons.add(
          Reply.Button.of("Answer", ANSWER, id).styled(Reply.Style.PRIMARY).asking(ANSWER_PROMPT));
      buttons.add(Reply.Button.of("Not for us", NOT_FOR_US, id).asking(NOT_FOR_US_PROMPT));
      buttons.add(Reply.Button.of("Claim", CLAIM, id));
    } else if (q.state() == ExpertQuestion.State.ANSWERED && q.draft().isEmpty()) {
      buttons.add(Reply.Button.of("Draft knowledge (admins)", DRAFT, id));
    }
    if (!buttons.isEmpty()) {
      blocks.add(Block.Choices.row(buttons));
    }
    return Reply.of("Question for the experts: " + shorten(q.question()), blocks);
  }

  /**
   * The expert's answer where the employee asked, as a coach answer ({@code answerId} is what it
   * was kept as, "" for none), under a line saying who answered; {@code platform} is where it is
   * shown.
   */
  public static Reply delivered(ExpertQuestion q, String answerId, String platform) {
    String expert = q.answeredBy().orElse("An expert");
    String from = q.channel().map(c -> c.platform()).orElse(platform);
    String who =
        from.equals(platform)
            ? Markdown.person(new Reply.Person(expert, expert, false))
            : Markdown.escape(expert) + " (in " + name(from) + ")";
    Reply answer = AnswerReplies.of(answer(q), answerId);
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Context(
            "🧑‍🏫 **"
                + who
                + "** answered your question: _"
                + Markdown.escape(q.question())
                + "_"));
    blocks.addAll(answer.content());
    return Reply.of("An expert answered: " + answer.markdown(), blocks);
  }

  /** The expert's answer as an answer of the coach's, to keep and vote on like one. */
  public static Answer answer(ExpertQuestion q) {
    return new Answer(
        q.question(),
        true,
        Topic.fromId(q.route()).orElse(null),
        q.answer().orElse(""),
        List.of(),
        List.of());
  }

  private static Reply.Prompt prompt(String action, String label, String submit, boolean optional) {
    return new Reply.Prompt(
        inputKey(action), label, "", submit, optional, 3_000, Reply.Prompt.Kind.TEXT);
  }

  /** The token key of the text a button of {@code action} asks for. */
  public static String inputKey(String action) {
    return "text_" + action;
  }

  private static String name(String platform) {
    return platform.equals("teams") ? "Teams" : platform.equals("slack") ? "Slack" : platform;
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 1) + "…";
  }

  private static void put(Map<String, String> token, String key, String value) {
    if (value != null && !value.isEmpty()) {
      token.put(key, value);
    }
  }
}
