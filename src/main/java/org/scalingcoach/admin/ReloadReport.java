package org.scalingcoach.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalingcoach.knowledge.Problem;

/**
 * What a reload of the knowledge base, audit definitions and prompt templates did.
 *
 * @param applied whether the coach now answers from what was loaded; false when nothing usable was
 *     found and the previous version stays
 * @param documents knowledge documents in use after the reload
 * @param sections knowledge sections in use after the reload
 * @param audits audit definitions in use after the reload
 * @param embedded texts that were new or changed and had to be embedded (the rest came from the
 *     cache)
 * @param problems every problem found, by file and line; broken files were skipped
 * @param duration how long the reload took
 */
public record ReloadReport(
    boolean applied,
    int documents,
    int sections,
    int audits,
    int embedded,
    List<Problem> problems,
    Duration duration) {

  public ReloadReport {
    problems = List.copyOf(problems);
  }

  /** One plain sentence for chat and logs, without the problems. */
  public String summary() {
    String took = String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    if (!applied) {
      return "Nothing was reloaded: no usable knowledge document was found, so I kept answering"
          + " from the previous version ("
          + documents
          + " documents). Took "
          + took
          + ".";
    }
    return "Reloaded "
        + documents
        + " documents, "
        + sections
        + " sections and "
        + audits
        + " audits in "
        + took
        + "; "
        + (embedded == 0 ? "nothing new to embed" : embedded + " new or changed texts embedded")
        + (problems.isEmpty()
            ? ". No problems found."
            : ". " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":");
  }

  /** The first {@code max} problems as {@code file:line: message}, and how many more there are. */
  public List<String> problemLines(int max) {
    List<String> lines = new ArrayList<>();
    problems.stream().limit(max).forEach(problem -> lines.add(problem.toString()));
    if (problems.size() > max) {
      lines.add("… and " + (problems.size() - max) + " more (run `knowledge check` for all)");
    }
    return lines;
  }
}
