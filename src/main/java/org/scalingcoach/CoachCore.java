package org.scalingcoach;

import org.scalingcoach.answer.AnswerEngine;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.llm.LlmFeatures;
import org.scalingcoach.retrieval.HybridRetriever;
import org.scalingcoach.store.Database;

/** The channel-neutral heart of the coach, shared by the CLI, Slack and Teams. */
public record CoachCore(
    KnowledgeBase knowledge,
    HybridRetriever retriever,
    AnswerEngine answers,
    Database database,
    LlmFeatures llm) {}
