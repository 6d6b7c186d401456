package org.scalingcoach.console;

import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.answer.Answer;

/**
 * Reads the evidence behind an answer from the snapshot that gave it. A small seam: retrieval and
 * answer composition change, and only the reader has to follow.
 */
public interface EvidenceReader {
  Evidence read(CoachSnapshot snapshot, String question, Answer answer);
}
