package org.scalingcoach.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.scalingcoach.CoachCore;
import org.scalingcoach.CoachWiring;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.Hit;
import org.scalingcoach.retrieval.Retrieval;

/**
 * Prints, for each question read from standard input, the retrieval evidence (top sections with
 * role and scores) and the answer: for looking into a miss while tuning.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.scalingcoach.bench.AnswerProbe < questions.txt}
 */
public final class AnswerProbe {
  public static void main(String[] args) throws Exception {
    CoachConfig config =
        CoachConfig.fromEnvironment(Map.of("COACH_DATA_DIR", "target/bench/shipped"));
    CoachCore core = CoachWiring.core(config, CoachWiring.database(config));
    ExtractiveAnswerEngine engine = new ExtractiveAnswerEngine(core.knowledge(), core.retriever());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      Question question = Question.of(line);
      Retrieval retrieval = engine.retrieve(question);
      System.out.printf(
          "%n=== %s%n  query: %s | in scope %s, top similarity %.3f, coverage %.2f%n",
          line,
          retrieval.query(),
          retrieval.inScope(),
          retrieval.topSimilarity(),
          retrieval.termCoverage());
      for (Hit hit :
          retrieval
              .hits()
              .subList(0, Math.min(Integer.getInteger("probe.hits", 5), retrieval.hits().size()))) {
        System.out.printf(
            "  %.3f sim %.3f bm25 %5.2f %-12s %s%n",
            hit.score(),
            hit.similarity(),
            hit.bm25(),
            hit.section().role().id(),
            hit.section().key());
      }
      Answer answer = engine.answer(question, retrieval);
      System.out.println(answer.markdown().indent(4));
    }
  }
}
