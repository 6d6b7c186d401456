package org.scalingcoach.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a section does for the reader, so the answer engine can tell a remedy from a list of
 * symptoms. Taken from heading conventions ("Warning signs ...", "... checklist", "Metrics ...")
 * unless the section sets it with a {@code <!-- role: remedy -->} comment under its heading.
 */
public enum SectionRole {
  /** How a problem shows up in people's own words. */
  SYMPTOMS("symptoms"),
  WARNING_SIGNS("warning-signs"),
  /** Questions a team should ask itself. */
  QUESTIONS("questions"),
  PITFALL("pitfall"),
  CHECKLIST("checklist"),
  METRICS("metrics"),
  /** What a term, model or set of levels is. */
  DEFINITION("definition"),
  /** Why something happens or what it costs. */
  EXPLANATION("explanation"),
  /** What to do: steps, techniques, practices. */
  REMEDY("remedy");

  private final String id;

  SectionRole(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether the section describes a problem rather than what to do about it. */
  public boolean describesProblem() {
    return this == SYMPTOMS || this == WARNING_SIGNS;
  }

  /** Whether the section says what to do: the steps, practices or checks a remedy consists of. */
  public boolean saysWhatToDo() {
    return this == REMEDY || this == CHECKLIST;
  }

  public static Optional<SectionRole> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  public static String allIds() {
    return Arrays.stream(values()).map(SectionRole::id).collect(Collectors.joining(", "));
  }

  /** The role a heading's wording implies. */
  public static SectionRole fromHeading(String heading) {
    String h = heading.toLowerCase(Locale.ROOT);
    if (h.contains("show up") || h.contains("shows up")) {
      return SYMPTOMS;
    }
    if (h.startsWith("warning signs") || h.startsWith("signs ")) {
      return WARNING_SIGNS;
    }
    if (h.startsWith("questions")) {
      return QUESTIONS;
    }
    if (h.contains("checklist")) {
      return CHECKLIST;
    }
    if (h.startsWith("metrics") || h.startsWith("measuring")) {
      return METRICS;
    }
    if (h.startsWith("the pitfall")) {
      return PITFALL;
    }
    if (h.contains("maturity") || h.contains(" levels") || h.contains(" versus ")) {
      return DEFINITION;
    }
    if (h.startsWith("why ") || h.contains(" breaks") || h.startsWith("what changes")) {
      return EXPLANATION;
    }
    return REMEDY;
  }
}
