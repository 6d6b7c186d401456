package org.scalingcoach.audit;

import java.nio.file.Path;
import org.scalingcoach.store.Database;

/**
 * Run in a child JVM by {@link AuditCrashTest}: answers an audit one question at a time, printing
 * each question id once its answer is committed, until it is killed.
 */
public final class AuditCrashChild {
  static final Actor ACTOR = new Actor("T1", "UCRASH");
  static final String TYPE = "audit-your-data";
  static final String SUBJECT = "Crash subject";

  private AuditCrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    AuditFixture fixture =
        new AuditFixture(Database.open(Path.of(args[0])), AuditFixture.catalog());
    Progress progress = fixture.engine.start(ACTOR, TYPE, SUBJECT);
    while (!progress.readyToFinish()) {
      AuditQuestion question = progress.question();
      progress =
          fixture.engine.answer(
              ACTOR,
              progress.audit().id(),
              progress.audit().revision(),
              question.id(),
              expectedOption(question));
      System.out.println("answered " + question.id());
      System.out.flush();
      Thread.sleep(25);
    }
    System.out.println("finished all questions");
  }

  /** The option the child picks for a question: its last one. */
  static String expectedOption(AuditQuestion question) {
    return question.options().get(question.options().size() - 1).id();
  }
}
