package org.scalingcoach;

import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.retrieval.HybridRetriever;

/**
 * One consistent version of what the coach knows: the knowledge base, its index, the engine that
 * answers from them and the audits whose links were checked against them. Never changed; a reload
 * replaces it as a whole.
 */
public record CoachSnapshot(
    KnowledgeBase knowledge,
    HybridRetriever retriever,
    AnswerEngine answers,
    AuditCatalog catalog) {

  /** The problems of the knowledge files and then of the audit files. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(knowledge.problems());
    all.addAll(catalog.problems());
    return all;
  }
}
