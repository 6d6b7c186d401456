package org.scalingcoach.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Citation;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.config.ConfigException;
import org.scalingcoach.llm.PromptException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ask}: answers questions from the command line, one or a stream of them. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answer a question from the knowledge base.",
      "With no question, read one question per line from standard input.",
      "With --conversation FILE, replay the turns of FILE (separated by blank lines) as one"
          + " conversation, each read with the turns before it."
    })
public final class AskCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print each answer as one JSON object per line.")
  boolean json;

  @Option(
      names = "--conversation",
      paramLabel = "FILE",
      description = "Replay a conversation: the user's turns, separated by blank lines.")
  Path conversation;

  @Parameters(arity = "0..*", paramLabel = "QUESTION", description = "The question to answer.")
  List<String> words;

  private final Map<String, String> environment;

  public AskCommand() {
    this(System.getenv());
  }

  AskCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (conversation != null) {
      if (words != null) {
        err.println("error: give either --conversation FILE or a question, not both");
        err.flush();
        return 2;
      }
      if (!Files.isReadable(conversation)) {
        err.println("error: cannot read " + conversation + ": give a text file of turns");
        err.flush();
        return 2;
      }
      List<String> turns = turns(Files.readString(conversation, StandardCharsets.UTF_8));
      Optional<CoachCore> started = core(err);
      if (started.isEmpty()) {
        return 2;
      }
      CoachCore core = started.get();
      List<PastTurn> history = new ArrayList<>();
      for (String turn : turns) {
        Answer answer = core.answers().answer(new Question(turn, history));
        print(out, answer);
        history.add(PastTurn.user(turn));
        history.add(PastTurn.coach(answer.markdown()));
      }
      return 0;
    }
    if (words != null) {
      String question = String.join(" ", words).strip();
      if (question.isEmpty()) {
        err.println("error: the question is empty; try: ask \"How do we detect model drift?\"");
        err.flush();
        return 2;
      }
      Optional<CoachCore> core = core(err);
      if (core.isEmpty()) {
        return 2;
      }
      print(out, core.get().answers().answer(Question.of(question)));
      return 0;
    }
    Optional<CoachCore> started = core(err);
    if (started.isEmpty()) {
      return 2;
    }
    CoachCore core = started.get();
    if (System.console() != null) {
      // Someone typing, not a pipe: say what the silent wait is for.
      err.println("Type a question and press Enter, one per line; Ctrl-D ends.");
      err.flush();
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (!line.isBlank()) {
        print(out, core.answers().answer(Question.of(line)));
      }
    }
    return 0;
  }

  /** The turns of a conversation file: paragraphs, separated by blank lines. */
  static List<String> turns(String text) {
    List<String> turns = new ArrayList<>();
    for (String paragraph : text.split("\\R\\s*\\R")) {
      String turn = paragraph.strip().replaceAll("\\s*\\R\\s*", " ");
      if (!turn.isEmpty()) {
        turns.add(turn);
      }
    }
    return turns;
  }

  /**
   * The coach, or empty after printing every problem with the settings or prompt templates, the way
   * {@code serve} reports them: a list, no stack trace.
   */
  private Optional<CoachCore> core(PrintWriter err) {
    try {
      CoachConfig config = CoachConfig.fromEnvironment(environment);
      return Optional.of(CoachWiring.core(config, CoachWiring.database(config)));
    } catch (ConfigException | PromptException e) {
      err.println(e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }

  private void print(PrintWriter out, Answer answer) {
    if (json) {
      out.println(toJson(answer));
    } else {
      out.println(toText(answer));
    }
    out.flush();
  }

  static String toJson(Answer answer) {
    ObjectNode node = JSON.createObjectNode();
    node.put("question", answer.question());
    node.put("answered", answer.answered());
    if (answer.topic() == null) {
      node.putNull("topic");
    } else {
      node.put("topic", answer.topic().id());
    }
    node.put("answer", answer.markdown());
    ArrayNode citations = node.putArray("citations");
    for (Citation c : answer.citations()) {
      citations
          .addObject()
          .put("id", c.id())
          .put("title", c.title())
          .put("topic", c.topic().id())
          .put("section", c.section())
          .put("score", c.score());
    }
    ArrayNode followUps = node.putArray("follow_ups");
    answer.followUps().forEach(followUps::add);
    return node.toString();
  }

  static String toText(Answer answer) {
    StringBuilder text = new StringBuilder(answer.markdown()).append("\n");
    if (!answer.citations().isEmpty()) {
      text.append("\nSources:\n");
      for (int i = 0; i < answer.citations().size(); i++) {
        Citation c = answer.citations().get(i);
        text.append(String.format("  [%d] %s › %s (%s)%n", i + 1, c.title(), c.section(), c.key()));
      }
    }
    if (!answer.followUps().isEmpty()) {
      text.append("\nYou could also ask:\n");
      answer.followUps().forEach(f -> text.append("  - ").append(f).append("\n"));
    }
    return text.toString();
  }
}
