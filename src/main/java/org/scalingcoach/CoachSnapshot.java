package org.scalingcoach;

import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.expert.ExpertDirectory;
import org.scalingcoach.expert.ExpertDirectoryParser;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.retrieval.HybridRetriever;

/**
 * One consistent version of what the coach knows: the knowledge base, its index, the engine that
 * answers from them, the audits whose links were checked against them and the experts who answer
 * what the coach cannot ({@code experts.yaml}). Never changed; a reload replaces it as a whole.
 */
public record CoachSnapshot(
    KnowledgeBase knowledge,
    HybridRetriever retriever,
    AnswerEngine answers,
    AuditCatalog catalog,
    ExpertDirectoryParser.Parsed experts) {

  /** A snapshot without experts. */
  public CoachSnapshot(
      KnowledgeBase knowledge,
      HybridRetriever retriever,
      AnswerEngine answers,
      AuditCatalog catalog) {
    this(
        knowledge,
        retriever,
        answers,
        catalog,
        new ExpertDirectoryParser.Parsed(ExpertDirectory.NONE, List.of()));
  }

  /** The problems of the knowledge files, then of the audit files, then of experts.yaml. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(knowledge.problems());
    all.addAll(catalog.problems());
    all.addAll(experts.problems());
    return all;
  }

  /** Who answers what the coach cannot; {@link ExpertDirectory#NONE} without experts.yaml. */
  public ExpertDirectory expertDirectory() {
    return experts.directory();
  }
}
