package org.scalingcoach.llm;

import java.util.List;
import org.scalingcoach.knowledge.Section;

/**
 * What the model is sent: fixed rules as the system message, and a user message where the numbered
 * sources and the asker's words sit as delimited data.
 *
 * @param sources the sections numbered {@code [1]..[n]} in the user message, in that order
 */
public record Prompt(String system, String user, List<Section> sources) {

  public Prompt {
    sources = List.copyOf(sources);
  }
}
