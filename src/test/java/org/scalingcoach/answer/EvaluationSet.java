package org.scalingcoach.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled questions in {@code src/test/resources/eval/questions.tsv} and how to score them.
 */
public record EvaluationSet(List<Item> items) {
  public static final String OUT_OF_SCOPE = "out-of-scope";

  /** A question and the topic its best source should have, or {@code out-of-scope}. */
  public record Item(String expected, String question) {
    boolean inScope() {
      return !OUT_OF_SCOPE.equals(expected);
    }
  }

  /** How an engine did on the set, with the misses for a person to read. */
  public record Result(
      int inScope,
      int correctTopic,
      int outOfScope,
      int refused,
      int wronglyRefused,
      List<String> misses) {
    public double topicAccuracy() {
      return inScope == 0 ? 0 : (double) correctTopic / inScope;
    }

    public double refusalRate() {
      return outOfScope == 0 ? 0 : (double) refused / outOfScope;
    }
  }

  /** The labelled questions the answer engine is tuned and tested on. */
  public static EvaluationSet load() {
    return load(Path.of("src/test/resources/eval/questions.tsv"));
  }

  /**
   * Questions written without reading the knowledge base, never used for tuning: they show how well
   * the tuned engine does on questions it has not seen.
   */
  public static EvaluationSet heldOut() {
    return load(Path.of("src/test/resources/eval/held-out.tsv"));
  }

  public static EvaluationSet load(Path file) {
    try {
      List<Item> items = new ArrayList<>();
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        items.add(new Item(parts[0].strip(), parts[1].strip()));
      }
      return new EvaluationSet(items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result run(AnswerEngine engine) {
    int inScope = 0;
    int correct = 0;
    int outOfScope = 0;
    int refused = 0;
    int wronglyRefused = 0;
    List<String> misses = new ArrayList<>();
    for (Item item : items) {
      Answer answer = engine.answer(Question.of(item.question()));
      String got = answer.answered() ? answer.topic().id() : OUT_OF_SCOPE;
      if (item.inScope()) {
        inScope++;
        if (got.equals(item.expected())) {
          correct++;
        } else {
          if (!answer.answered()) {
            wronglyRefused++;
          }
          misses.add(item.expected() + " -> " + got + ": " + item.question());
        }
      } else {
        outOfScope++;
        if (!answer.answered()) {
          refused++;
        } else {
          misses.add(item.expected() + " -> " + got + ": " + item.question());
        }
      }
    }
    return new Result(inScope, correct, outOfScope, refused, wronglyRefused, misses);
  }
}
