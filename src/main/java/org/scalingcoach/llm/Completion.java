package org.scalingcoach.llm;

/** What a model wrote for one prompt, and the tokens it counted for it. */
record Completion(String text, int inputTokens, int outputTokens) {}
