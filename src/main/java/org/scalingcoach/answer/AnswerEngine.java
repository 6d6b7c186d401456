package org.scalingcoach.answer;

/** Answers a question from the knowledge base; every channel asks through this. */
public interface AnswerEngine {
  Answer answer(Question question);
}
