package org.scalingcoach.expert;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Expert questions as short lines of text, the same on every platform and in the CLI. */
public final class QuestionLines {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final int QUESTION_CHARS = 120;

  private QuestionLines() {}

  /** One line per question: its state, when it was asked, the question and who acted. */
  public static List<String> of(List<ExpertQuestion> questions) {
    return questions.stream().map(QuestionLines::line).toList();
  }

  public static String line(ExpertQuestion q) {
    StringBuilder line =
        new StringBuilder(q.state().id())
            .append(" · ")
            .append(DAY.format(q.askedAt()))
            .append(" · ")
            .append(shorten(q.question()));
    switch (q.state()) {
      case CLAIMED -> line.append(" (claimed by ").append(q.claimedBy().orElse("?")).append(')');
      case ANSWERED -> line.append(" (answered by ").append(q.answeredBy().orElse("?")).append(')');
      case DECLINED -> line.append(" (").append(q.declineReason().orElse("declined")).append(')');
      default -> {}
    }
    q.draft().ifPresent(d -> line.append(" · drafted as ").append(d));
    return line.toString();
  }

  private static String shorten(String text) {
    String one = text.strip().replaceAll("\\s+", " ");
    return one.length() <= QUESTION_CHARS ? one : one.substring(0, QUESTION_CHARS - 1) + "…";
  }
}
