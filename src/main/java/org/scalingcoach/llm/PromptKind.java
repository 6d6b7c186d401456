package org.scalingcoach.llm;

import java.util.Set;

/** The prompt templates the coach uses, with the file each lives in and the variables it takes. */
public enum PromptKind {
  SYSTEM("system.txt", Set.of(), Set.of("topics")),
  ANSWER("answer.txt", Set.of("sources", "question"), Set.of("topics")),
  FOLLOW_UP("follow-up.txt", Set.of("sources", "question", "history"), Set.of("topics")),
  AUDIT_SUMMARY("audit-summary.txt", Set.of("facts", "sources"), Set.of("audit"));

  private final String fileName;
  private final Set<String> required;
  private final Set<String> optional;

  PromptKind(String fileName, Set<String> required, Set<String> optional) {
    this.fileName = fileName;
    this.required = required;
    this.optional = optional;
  }

  public String fileName() {
    return fileName;
  }

  /** Variables the template must use, or the model would not get what it needs. */
  public Set<String> required() {
    return required;
  }

  /** Variables the template may use. */
  public Set<String> optional() {
    return optional;
  }

  public boolean allows(String variable) {
    return required.contains(variable) || optional.contains(variable);
  }
}
