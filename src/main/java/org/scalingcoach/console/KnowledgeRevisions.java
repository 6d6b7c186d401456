package org.scalingcoach.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.scalingcoach.audit.Actor;

/** Every saved version of each knowledge document. */
public interface KnowledgeRevisions {

  /**
   * One saved version.
   *
   * @param document the file's path relative to the knowledge folder, with {@code /}
   * @param note why it was saved: an edit, a revert, or the version found on disk before the first
   *     edit
   */
  record Revision(
      long id, String document, String content, Actor savedBy, Instant savedAt, String note) {}

  long add(String document, String content, Actor savedBy, Instant savedAt, String note);

  /** The versions of one document, newest first. */
  List<Revision> list(String document);

  Optional<Revision> get(long id);
}
