package org.scalingcoach;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.scalingcoach.answer.ExtractiveAnswerEngine;
import org.scalingcoach.audit.AuditCatalog;
import org.scalingcoach.config.ContentFolder;
import org.scalingcoach.expert.ExpertDirectoryParser;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.retrieval.Embedder;
import org.scalingcoach.retrieval.EmbeddingCache;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.retrieval.ScopePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the knowledge folder (documents, {@code audits/} and {@code experts.yaml}) into a fresh
 * {@link CoachSnapshot}, embedding only texts the cache does not know. Broken files are logged and
 * left out.
 */
final class FolderLoader implements Supplier<CoachSnapshot> {
  private static final Logger log = LoggerFactory.getLogger(FolderLoader.class);

  private final Path knowledgeDir;
  private final String source;
  private final Embedder embedder;
  private final Embedder scopeEmbedder;
  private final EmbeddingCache cache;
  private final LlmFeatures llm;

  FolderLoader(
      ContentFolder knowledge,
      Embedder embedder,
      Embedder scopeEmbedder,
      EmbeddingCache cache,
      LlmFeatures llm) {
    this.knowledgeDir = knowledge.path();
    this.source = knowledge.describe();
    this.embedder = embedder;
    this.scopeEmbedder = scopeEmbedder;
    this.cache = cache;
    this.llm = llm;
  }

  @Override
  public CoachSnapshot get() {
    KnowledgeBase knowledge = KnowledgeBase.load(knowledgeDir);
    for (Problem problem : knowledge.problems()) {
      log.warn("knowledge problem, file skipped: {}", problem);
    }
    HybridRetriever retriever =
        HybridRetriever.build(
            knowledge.sections(),
            embedder,
            scopeEmbedder,
            cache,
            ScopePolicy.DEFAULT,
            knowledge.synonyms());
    log.info(
        "knowledge loaded: {} documents, {} sections ({} texts embedded) from {}",
        knowledge.documents().size(),
        retriever.size(),
        retriever.embedded(),
        source);
    AuditCatalog catalog = AuditCatalog.load(knowledgeDir, knowledge);
    for (Problem problem : catalog.problems()) {
      log.warn("audit definition problem: {}", problem);
    }
    if (catalog.definitions().isEmpty()) {
      log.warn("no audits loaded: add audit files under {}/audits", knowledgeDir);
    } else {
      log.info("audits loaded: {}", catalog.definitions().size());
    }
    ExpertDirectoryParser.Parsed experts = ExpertDirectoryParser.load(knowledgeDir);
    for (Problem problem : experts.problems()) {
      log.warn("experts.yaml problem, Ask an expert is off: {}", problem);
    }
    return new CoachSnapshot(
        knowledge,
        retriever,
        llm.answers(new ExtractiveAnswerEngine(knowledge, retriever)),
        catalog,
        experts);
  }
}
