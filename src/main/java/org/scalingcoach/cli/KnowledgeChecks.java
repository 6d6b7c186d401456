package org.scalingcoach.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.expert.ExpertDirectoryParser;
import org.scalingcoach.expert.KnowledgeDrafts;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;

/** Every validation {@code knowledge check} runs over a knowledge folder. */
final class KnowledgeChecks {
  private KnowledgeChecks() {}

  static List<Problem> all(Path folder, KnowledgeBase knowledge) {
    List<Problem> problems = new ArrayList<>(knowledge.problems());
    problems.addAll(AuditCatalog.load(folder, knowledge).problems());
    problems.addAll(ExpertDirectoryParser.load(folder).problems());
    problems.addAll(new KnowledgeDrafts(folder).check());
    return problems;
  }
}
