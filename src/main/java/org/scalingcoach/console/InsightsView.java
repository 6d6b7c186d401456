package org.scalingcoach.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.scalingcoach.CoachSnapshot;
import org.scalingcoach.audit.Actor;
import org.scalingcoach.knowledge.KnowledgeDocument;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.retrieval.Hit;

/**
 * The insights queue of the console: each question with the document it belongs in, so "start a
 * section" opens the right one. The document is the cited one for a voted-down answer, and the
 * nearest one for a question not answered.
 */
public final class InsightsView {
  private static final int LIMIT = 200;

  private final InsightQueue queue;
  private final Supplier<CoachSnapshot> current;
  private final Clock clock;

  public InsightsView(InsightQueue queue, Supplier<CoachSnapshot> current, Clock clock) {
    this.queue = queue;
    this.current = current;
    this.clock = clock;
  }

  /** A question to act on and where its answer belongs; topic and document may be null. */
  public record Row(InsightQueue.Item item, Topic topic, String document, String documentTitle) {}

  /** The newest items of the admin's workspace from the last {@code days} days, in one topic. */
  public List<Row> rows(Actor admin, int days, Optional<Topic> topic) {
    CoachSnapshot snapshot = current.get();
    List<Row> rows = new ArrayList<>();
    for (InsightQueue.Item item :
        queue.newest(admin.teamId(), clock.instant().minus(Duration.ofDays(days)), LIMIT)) {
      Optional<Section> home = home(snapshot, item);
      Topic itemTopic = home.map(Section::topic).orElse(null);
      if (topic.isPresent() && topic.get() != itemTopic) {
        continue;
      }
      Optional<KnowledgeDocument> document =
          home.flatMap(s -> snapshot.knowledge().document(s.documentId()));
      rows.add(
          new Row(
              item,
              itemTopic,
              document.map(InsightsView::fileName).orElse(null),
              document.map(KnowledgeDocument::title).orElse(null)));
    }
    return rows;
  }

  private static String fileName(KnowledgeDocument document) {
    return document.source().getFileName().toString();
  }

  private static Optional<Section> home(CoachSnapshot snapshot, InsightQueue.Item item) {
    for (String key : item.sources().split(",")) {
      if (!key.isBlank()) {
        Optional<Section> cited = snapshot.knowledge().section(key.strip());
        if (cited.isPresent()) {
          return cited;
        }
      }
    }
    List<Hit> hits = snapshot.retriever().retrieve(item.question(), 1).hits();
    return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0).section());
  }
}
