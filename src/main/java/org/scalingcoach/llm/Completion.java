package org.scalingcoach.llm;

/** What a model wrote for one prompt. Its tokens are recorded by {@link UsageRecorder}. */
record Completion(String text) {}
