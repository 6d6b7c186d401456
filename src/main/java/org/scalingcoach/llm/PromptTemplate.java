package org.scalingcoach.llm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingcoach.knowledge.Problem;

/**
 * One prompt template: text with {@code {{variable}}} placeholders, checked against the variables
 * its {@link PromptKind} allows and requires, and rendered by langchain4j's {@link
 * dev.langchain4j.model.input.PromptTemplate}. The check finds placeholders with the same pattern
 * langchain4j renders with, so what passes the check always renders.
 */
public final class PromptTemplate {
  /** langchain4j's placeholder pattern ({@code DefaultPromptTemplateFactory}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

  private final PromptKind kind;
  private final dev.langchain4j.model.input.PromptTemplate template;

  private PromptTemplate(PromptKind kind, String text) {
    this.kind = kind;
    this.template = dev.langchain4j.model.input.PromptTemplate.from(text);
  }

  /**
   * Parses a template, adding a problem naming {@code file} for each unknown variable and each
   * required variable it leaves out; returns null when there is any.
   */
  static PromptTemplate parse(PromptKind kind, Path file, String text, List<Problem> problems) {
    int before = problems.size();
    Set<String> used = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1).trim();
      used.add(name);
      if (!kind.allows(name)) {
        problems.add(
            new Problem(
                file,
                lineOf(text, m.start()),
                "unknown variable {{"
                    + name
                    + "}}; "
                    + kind.fileName()
                    + " may use "
                    + describe(kind)));
      }
    }
    for (String required : kind.required()) {
      if (!used.contains(required)) {
        problems.add(
            new Problem(
                file,
                1,
                "missing required variable {{"
                    + required
                    + "}}; "
                    + kind.fileName()
                    + " must use "
                    + braces(kind.required())));
      }
    }
    if (text.isBlank()) {
      problems.add(new Problem(file, 1, "the template is empty"));
    }
    return problems.size() == before ? new PromptTemplate(kind, text) : null;
  }

  public PromptKind kind() {
    return kind;
  }

  /**
   * Fills the placeholders in one pass (langchain4j's renderer replaces each match once), so a
   * value that itself contains {@code {{...}}} (a user's question, say) is inserted as it is and
   * never expanded. Optional variables left out become empty.
   */
  public String render(Map<String, String> values) {
    for (String required : kind.required()) {
      if (!values.containsKey(required)) {
        throw new IllegalArgumentException(
            "no value for required variable " + required + " of " + kind.fileName());
      }
    }
    Map<String, Object> all = new HashMap<>();
    kind.optional().forEach(name -> all.put(name, ""));
    all.putAll(values);
    return template.apply(all).text().strip();
  }

  private static String describe(PromptKind kind) {
    List<String> all = new ArrayList<>(kind.required());
    all.addAll(kind.optional());
    return all.isEmpty() ? "no variables" : braces(all);
  }

  private static String braces(java.util.Collection<String> names) {
    return names.stream()
        .sorted()
        .map(n -> "{{" + n + "}}")
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
