package org.scalingcoach.bench;

import java.util.*;
import org.scalingcoach.*;
import org.scalingcoach.answer.*;
import org.scalingcoach.retrieval.*;

public class Diag {
  public static void main(String[] a) {
    CoachCore core = TestCore.shared();
    EvaluationSet set = EvaluationSet.load();
    int n = 0;
    int[] ok = new int[4];
    List<double[]> inS = new ArrayList<>(), outS = new ArrayList<>();
    for (var item : set.items()) {
      Retrieval r = core.retriever().retrieve(item.question(), 10);
      boolean in = !item.expected().equals("out-of-scope");
      (in ? inS : outS).add(new double[] {r.topSimilarity(), r.termCoverage()});
      if (!in) continue;
      n++;
      // variant 0: fused top1
      if (r.hits().get(0).section().topic().id().equals(item.expected())) ok[0]++;
      // variant 1: vector top1
      Hit bestV = r.hits().stream().max(Comparator.comparingDouble(Hit::similarity)).get();
      if (bestV.section().topic().id().equals(item.expected())) ok[1]++;
      // variant 2: topic vote over fused top 5
      Map<String, Double> vote = new HashMap<>();
      for (Hit h : r.hits().subList(0, Math.min(5, r.hits().size())))
        vote.merge(h.section().topic().id(), h.score(), Double::sum);
      String v2 = Collections.max(vote.entrySet(), Map.Entry.comparingByValue()).getKey();
      if (v2.equals(item.expected())) ok[2]++;
      // variant 3: vote by similarity over top 5 by similarity
      Map<String, Double> vote3 = new HashMap<>();
      r.hits().stream()
          .sorted(Comparator.comparingDouble(Hit::similarity).reversed())
          .limit(5)
          .forEach(h -> vote3.merge(h.section().topic().id(), h.similarity(), Double::sum));
      String v3 = Collections.max(vote3.entrySet(), Map.Entry.comparingByValue()).getKey();
      if (v3.equals(item.expected())) ok[3]++;
      else System.out.println(item.expected() + " -> " + v3 + " : " + item.question());
    }
    System.out.printf(
        "n=%d fused=%d vector=%d voteFused=%d voteSim=%d%n", n, ok[0], ok[1], ok[2], ok[3]);
    inS.sort(Comparator.comparingDouble(x -> x[0]));
    outS.sort(Comparator.comparingDouble(x -> -x[0]));
    System.out.println("in-scope lowest sims:");
    inS.stream().limit(12).forEach(x -> System.out.printf("  %.3f %.2f%n", x[0], x[1]));
    System.out.println("out-scope highest sims:");
    outS.stream().limit(12).forEach(x -> System.out.printf("  %.3f %.2f%n", x[0], x[1]));
  }
}
