package org.scalingcoach.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;

/**
 * Questions labelled with the sections an expert would cite and the points a good answer makes
 * ({@code src/test/resources/eval/sections-*.tsv}), and how to score answers against them.
 */
public record SectionSet(String name, List<Item> items) {
  /** The labels of the tuning part; the held-out part is {@link #heldOut}. */
  public static final Path TUNE = Path.of("src/test/resources/eval/sections-tune.tsv");

  /** Never used for tuning: the floors in the test suite are kept on this part. */
  public static final Path HELD_OUT = Path.of("src/test/resources/eval/sections-held-out.tsv");

  /**
   * A second tuning part: written blind as a held-out batch, then opened for tuning once its
   * figures had been reported and the content edited after it.
   */
  public static final Path TUNE_2 = Path.of("src/test/resources/eval/sections-tune-2.tsv");

  /**
   * A third batch, held out: written by someone who had not seen the coach's answers, from the
   * knowledge files only. Like {@link #HELD_OUT}, its misses are never printed.
   */
  public static final Path HELD_OUT_3 = Path.of("src/test/resources/eval/sections-held-out-3.tsv");

  /**
   * A fourth batch, held out and blind: written before the coach was run in that session, without
   * reading the other sets' questions. Like {@link #HELD_OUT_3}, its misses are never printed.
   */
  public static final Path HELD_OUT_4 = Path.of("src/test/resources/eval/sections-held-out-4.tsv");

  /**
   * A fifth batch, held out and blind: written before the coach was run on it, without reading the
   * other sets' questions, weighted toward change management. Its misses are never printed.
   */
  public static final Path HELD_OUT_5 = Path.of("src/test/resources/eval/sections-held-out-5.tsv");

  /**
   * A sixth batch, held out and blind: written before the coach was run on it, without reading the
   * other sets' questions, in employees' words rather than the headings'. Its misses are never
   * printed.
   */
  public static final Path HELD_OUT_6 = Path.of("src/test/resources/eval/sections-held-out-6.tsv");

  /**
   * A third tuning part: written blind from the knowledge files with their asked wordings removed,
   * weighted toward strategy, change management and cost, and used for tuning from the start.
   */
  public static final Path TUNE_3 = Path.of("src/test/resources/eval/sections-tune-3.tsv");

  public static final Path TUNE_4 = Path.of("src/test/resources/eval/sections-tune-4.tsv");

  public static final Path TUNE_5 = Path.of("src/test/resources/eval/sections-tune-5.tsv");

  public static final Path TUNE_6 = Path.of("src/test/resources/eval/sections-tune-6.tsv");

  public static final Path TUNE_7 = Path.of("src/test/resources/eval/sections-tune-7.tsv");

  private static final Map<String, String> DOCUMENTS =
      Map.ofEntries(
          Map.entry("dg", "data-governance-at-scale"),
          Map.entry("dc", "data-catalogue-quality-ownership"),
          Map.entry("md", "model-drift-and-retraining"),
          Map.entry("ml", "mlops-practices-and-maturity"),
          Map.entry("cm", "change-management-and-adoption"),
          Map.entry("ak", "adkar-for-ai-rollouts"),
          Map.entry("ic", "infrastructure-and-cost-at-scale"),
          Map.entry("fo", "finops-tco-and-load-testing"),
          Map.entry("pm", "product-mindset-for-ai"),
          Map.entry("ov", "scaling-ai-overview"),
          Map.entry("ls", "scaling-lessons-and-conclusions"),
          Map.entry("ns", "immediate-next-steps"));

  private static final Analyzer ANALYZER = new EnglishAnalyzer();

  /**
   * A labelled question; {@code acceptable} is empty for an out-of-scope one.
   *
   * @param keyPoints each point as its alternative wordings, each wording as its analysed terms
   */
  public record Item(
      List<Section> acceptable, List<List<List<String>>> keyPoints, String question) {
    public boolean inScope() {
      return !acceptable.isEmpty();
    }

    Topic topic() {
      return acceptable.get(0).topic();
    }
  }

  public static SectionSet tune(KnowledgeBase knowledge) {
    return load("tuning", TUNE, knowledge);
  }

  public static SectionSet heldOut(KnowledgeBase knowledge) {
    return load("held-out", HELD_OUT, knowledge);
  }

  public static SectionSet heldOut3(KnowledgeBase knowledge) {
    return load("held-out-3", HELD_OUT_3, knowledge);
  }

  public static SectionSet heldOut4(KnowledgeBase knowledge) {
    return load("held-out-4", HELD_OUT_4, knowledge);
  }

  public static SectionSet heldOut5(KnowledgeBase knowledge) {
    return load("held-out-5", HELD_OUT_5, knowledge);
  }

  public static SectionSet heldOut6(KnowledgeBase knowledge) {
    return load("held-out-6", HELD_OUT_6, knowledge);
  }

  public static SectionSet tune2(KnowledgeBase knowledge) {
    return load("tuning-2", TUNE_2, knowledge);
  }

  public static SectionSet tune3(KnowledgeBase knowledge) {
    return load("tuning-3", TUNE_3, knowledge);
  }

  /** The fourth tuning part: written blind like the third, its first run is its blind figure. */
  public static SectionSet tune4(KnowledgeBase knowledge) {
    return load("tuning-4", TUNE_4, knowledge);
  }

  /** The fifth tuning part, written blind like the fourth on 2026-12-03. */
  public static SectionSet tune5(KnowledgeBase knowledge) {
    return load("tuning-5", TUNE_5, knowledge);
  }

  /** The sixth tuning part, written blind like the fifth on 2026-12-03, later that day. */
  public static SectionSet tune6(KnowledgeBase knowledge) {
    return load("tuning-6", TUNE_6, knowledge);
  }

  /**
   * The seventh tuning part, written blind like the sixth, leaning to terse questions, people in
   * named roles, typos, abbreviations and asks for a number or a frequency.
   */
  public static SectionSet tune7(KnowledgeBase knowledge) {
    return load("tuning-7", TUNE_7, knowledge);
  }

  /** Reads a set, resolving each label to exactly one section of {@code knowledge}. */
  public static SectionSet load(String name, Path file, KnowledgeBase knowledge) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Item> items = new ArrayList<>();
    boolean header = true;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(file + ": expected 3 columns in: " + line);
      }
      List<Section> acceptable = new ArrayList<>();
      if (!parts[0].strip().equals("out-of-scope")) {
        for (String label : parts[0].split(",")) {
          acceptable.add(resolve(label.strip(), knowledge, file));
        }
      }
      List<List<List<String>>> points = new ArrayList<>();
      for (String point : parts[1].split(";")) {
        if (!point.isBlank()) {
          points.add(Arrays.stream(point.split("\\|")).map(SectionSet::terms).toList());
        }
      }
      items.add(new Item(acceptable, points, parts[2].strip()));
    }
    return new SectionSet(name, items);
  }

  private static Section resolve(String label, KnowledgeBase knowledge, Path file) {
    int hash = label.indexOf('#');
    String document = DOCUMENTS.getOrDefault(label.substring(0, hash), label.substring(0, hash));
    String anchor = label.substring(hash + 1);
    List<Section> matches =
        knowledge.sections().stream()
            .filter(s -> s.documentId().equals(document))
            // a renamed section keeps its old anchor as an alias, and so its old labels
            .filter(
                s ->
                    s.anchor().startsWith(anchor)
                        || s.aliases().stream().anyMatch(a -> a.startsWith(anchor)))
            .toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          file + ": label " + label + " matches " + matches.size() + " sections");
    }
    return matches.get(0);
  }

  /** Analysed terms of {@code text}, stemmed the way the lexical index stems them. */
  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The share of {@code item}'s key points that {@code answerText} makes. */
  static double coverage(Item item, String answerText) {
    if (item.keyPoints().isEmpty()) {
      return 1;
    }
    Set<String> said = new HashSet<>(terms(answerText));
    int made = 0;
    for (List<List<String>> point : item.keyPoints()) {
      if (point.stream().anyMatch(wording -> !wording.isEmpty() && said.containsAll(wording))) {
        made++;
      }
    }
    return (double) made / item.keyPoints().size();
  }

  /** Counts for one topic, or for all. */
  public static final class Tally {
    public int questions;
    public int top1;
    public int anyCited;
    public int good;
    public int rightTopic;
    public int refused;
    public double coverage;

    /**
     * Over the questions whose first citation is acceptable: the key points the answer makes, and
     * those the cited section holds, so that what quoting loses shows apart from what retrieval
     * misses.
     */
    public double coverageWhenTop;

    public double heldWhenTop;

    /** Characters of all answers, so that coverage bought with length shows. */
    public long answerChars;

    void add(boolean top, boolean cited, double covered, boolean topic, boolean wasRefused) {
      questions++;
      top1 += top ? 1 : 0;
      anyCited += cited ? 1 : 0;
      coverage += covered;
      good += top && covered >= 0.5 ? 1 : 0;
      rightTopic += topic ? 1 : 0;
      refused += wasRefused ? 1 : 0;
    }

    public double top1Rate() {
      return share(top1);
    }

    public double anyCitedRate() {
      return share(anyCited);
    }

    public double goodRate() {
      return share(good);
    }

    public double topicRate() {
      return share(rightTopic);
    }

    /** The share of key points answers make when the first cited section is acceptable. */
    public double quotedWhenTop() {
      return top1 == 0 ? 0 : coverageWhenTop / top1;
    }

    /** The share of key points the first cited section holds, when it is acceptable. */
    public double heldByTop() {
      return top1 == 0 ? 0 : heldWhenTop / top1;
    }

    public double keyPointCoverage() {
      return questions == 0 ? 0 : coverage / questions;
    }

    private double share(int count) {
      return questions == 0 ? 0 : (double) count / questions;
    }

    public String line() {
      return String.format(
          "n=%3d  good %5.1f%%  top-1 %5.1f%%  any-cited %5.1f%%  key points %5.1f%%  topic %5.1f%%"
              + "  refused %d  (top-1 right: quoted %.1f%% of %.1f%% held; %d chars per answer)",
          questions,
          100 * goodRate(),
          100 * top1Rate(),
          100 * anyCitedRate(),
          100 * keyPointCoverage(),
          100 * topicRate(),
          refused,
          100 * quotedWhenTop(),
          100 * heldByTop(),
          questions == 0 ? 0 : answerChars / questions);
    }
  }

  /** How an engine did on the set. */
  public record Result(
      Tally overall,
      Map<String, Tally> byTopic,
      int outOfScope,
      int outOfScopeRefused,
      List<String> misses) {
    public double refusalRate() {
      return outOfScope == 0 ? 0 : (double) outOfScopeRefused / outOfScope;
    }
  }

  public Result run(AnswerEngine engine) {
    Tally overall = new Tally();
    Map<String, Tally> byTopic = new TreeMap<>();
    int outOfScope = 0;
    int refused = 0;
    List<String> misses = new ArrayList<>();
    for (Item item : items) {
      Answer answer = engine.answer(Question.of(item.question()));
      if (!item.inScope()) {
        outOfScope++;
        if (!answer.answered()) {
          refused++;
        } else {
          misses.add("answered out-of-scope: " + item.question());
        }
        continue;
      }
      Set<String> acceptable = new HashSet<>();
      Set<Topic> topics = new HashSet<>();
      item.acceptable().forEach(s -> acceptable.add(s.key()));
      item.acceptable().forEach(s -> topics.add(s.topic()));
      List<String> cited = answer.citations().stream().map(Citation::key).toList();
      boolean top = !cited.isEmpty() && acceptable.contains(cited.get(0));
      boolean any = cited.stream().anyMatch(acceptable::contains);
      double covered = answer.answered() ? coverage(item, answer.markdown()) : 0;
      boolean topic = answer.answered() && topics.contains(answer.topic());
      Tally forTopic = byTopic.computeIfAbsent(item.topic().id(), t -> new Tally());
      for (Tally tally : List.of(overall, forTopic)) {
        tally.add(top, any, covered, topic, !answer.answered());
        tally.answerChars += answer.markdown().length();
        if (top) {
          Section first =
              item.acceptable().stream()
                  .filter(s -> s.key().equals(cited.get(0)))
                  .findFirst()
                  .get();
          tally.coverageWhenTop += covered;
          tally.heldWhenTop += coverage(item, first.heading() + "\n" + first.text());
        }
      }
      if (!top || covered < 0.5) {
        misses.add(
            String.format(
                "%s | cited %s | key points %.0f%% | %s",
                item.question(),
                cited.isEmpty() ? "nothing" : cited.get(0),
                100 * covered,
                acceptable.iterator().next()));
      }
    }
    return new Result(overall, byTopic, outOfScope, refused, misses);
  }
}
