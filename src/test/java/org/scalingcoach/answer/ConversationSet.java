package org.scalingcoach.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two- and three-turn conversations ({@code src/test/resources/eval/conversations.txt}): each turn
 * labelled with the topic it should be answered from, or {@code out-of-scope}.
 */
public record ConversationSet(List<Conversation> conversations) {
  public static final Path FILE = Path.of("src/test/resources/eval/conversations.txt");

  /** One line the user types and what it should get. */
  public record Line(String expected, String text) {}

  /** A conversation of a kind: out-of-scope-after, follow-up, switch or standalone. */
  public record Conversation(String kind, List<Line> lines) {}

  /** For each kind, how many conversations got their last turn right, and the failures. */
  public record Result(Map<String, int[]> byKind, List<String> misses) {
    /** The share of conversations of {@code kind} whose last turn was right. */
    public double rate(String kind) {
      int[] counts = byKind.getOrDefault(kind, new int[2]);
      return counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
    }

    public String line(String kind) {
      int[] counts = byKind.getOrDefault(kind, new int[2]);
      return String.format("%s %d/%d (%.0f%%)", kind, counts[0], counts[1], 100 * rate(kind));
    }
  }

  public static ConversationSet load() {
    List<String> lines;
    try {
      lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Conversation> conversations = new ArrayList<>();
    String kind = null;
    List<Line> turns = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        if (kind != null && !turns.isEmpty()) {
          conversations.add(new Conversation(kind, List.copyOf(turns)));
        }
        kind = null;
        turns.clear();
      } else if (line.startsWith("# ") && line.indexOf(" ", 2) < 0 && turns.isEmpty()) {
        kind = line.substring(2).strip();
      } else if (!line.startsWith("#")) {
        String[] parts = line.split("\t", 2);
        turns.add(new Line(parts[0].strip(), parts[1].strip()));
      }
    }
    if (kind != null && !turns.isEmpty()) {
      conversations.add(new Conversation(kind, List.copyOf(turns)));
    }
    return new ConversationSet(conversations);
  }

  /** Replays each conversation with its history and checks the last turn. */
  public Result run(AnswerEngine engine) {
    Map<String, int[]> byKind = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (Conversation conversation : conversations) {
      List<PastTurn> history = new ArrayList<>();
      Answer last = null;
      for (Line line : conversation.lines()) {
        last = engine.answer(new Question(line.text(), history));
        history.add(PastTurn.user(line.text()));
        history.add(PastTurn.coach(last.markdown()));
      }
      Line expected = conversation.lines().get(conversation.lines().size() - 1);
      String got = last.answered() ? last.topic().id() : "out-of-scope";
      int[] counts = byKind.computeIfAbsent(conversation.kind(), k -> new int[2]);
      counts[1]++;
      if (got.equals(expected.expected())) {
        counts[0]++;
      } else {
        misses.add(
            conversation.kind()
                + ": "
                + expected.text()
                + " -> "
                + got
                + ", wanted "
                + expected.expected());
      }
    }
    return new Result(byKind, misses);
  }
}
