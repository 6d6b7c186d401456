package org.scalingcoach.conversation;

import java.util.List;
import org.scalingcoach.audit.AuditDefinition;
import org.scalingcoach.audit.AuditRecord;
import org.scalingcoach.audit.AuditReport;
import org.scalingcoach.audit.Progress;
import org.scalingcoach.audit.SubjectStatus;

/**
 * What an audit reply is about, for senders that do more than show it (a model's summary after a
 * report, files after the exports) and for tests. How it looks is in the reply's {@link Block}s,
 * which {@link AuditReplies} and {@link AuditReportReplies} write; no renderer reads these.
 */
public sealed interface AuditView extends Reply.View {

  /** The audits one can start and the person's open audits. */
  record Menu(List<AuditDefinition> definitions, List<AuditRecord> open) implements AuditView {}

  /** The audits part of a home tab. */
  record Home(List<AuditRecord> finished, boolean withTeam) implements AuditView {}

  /** One question. */
  record Question(Progress progress) implements AuditView {}

  /** Every question seen: finish, go back or pause. */
  record Review(Progress progress) implements AuditView {}

  /** A paused audit. */
  record Paused(Progress progress) implements AuditView {}

  /** What a clicked question turns into. */
  record Settled(AuditDefinition definition, String questionId, String outcome)
      implements AuditView {}

  /** A scored report; the owner's copy offers the exports (and, where possible, sharing). */
  record Report(AuditReport report, boolean ownerCopy) implements AuditView {}

  /** A finished audit's Markdown and CSV, as files or messages. */
  record Exports(AuditReport report, List<Reply.File> files) implements AuditView {}

  /**
   * The latest level per subject shown; managers see the workspace, others their own. Each status
   * has {@link #BUTTONS_PER_STATUS} buttons among the reply's, in order: History, Report, Export.
   */
  record Team(List<SubjectStatus> statuses, boolean manager) implements AuditView {
    public static final int BUTTONS_PER_STATUS = 3;

    /** The buttons of the {@code index}th status shown in {@code reply}. */
    public static List<Reply.Button> buttons(Reply reply, int index) {
      int from = index * BUTTONS_PER_STATUS;
      return reply.allButtons().subList(from, from + BUTTONS_PER_STATUS);
    }
  }

  /** Every finished audit of one subject, oldest first, and who ran each. */
  record History(String title, String subject, List<AuditRecord> finished, List<Reply.Person> by)
      implements AuditView {}
}
