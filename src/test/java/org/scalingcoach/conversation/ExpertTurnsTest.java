package org.scalingcoach.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.expert.ExpertDesk;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertDirectory;
import org.scalingcoach.expert.ExpertDirectoryParser;
import org.scalingcoach.expert.ExpertQuestion;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertRelay;
import org.scalingcoach.expert.KnowledgeDrafts;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteExpertStore;
import org.scalingcoach.store.TestDatabases;

/** The "Ask an expert" clicks on a real desk: what each one does, whatever the platform. */
class ExpertTurnsTest {
  private static final String EXPERTS =
      """
      response_hours: 4
      default:
        slack_channel: C0EXPERTS
      """;

  @TempDir Path dir;
  private Database database;
  private ExpertRelay relay;
  private ExpertTurns turns;
  private final Asker asker = new Asker("slack", "T1", "U0ASK", "C0GENERAL", "1700.01");

  @BeforeEach
  void setUp() {
    database = TestDatabases.open(DatabaseKind.SQLITE, "expert-turns-");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    ExpertDirectory directory =
        ExpertDirectoryParser.parse(dir.resolve("experts.yaml"), EXPERTS).directory();
    ExpertDesk desk =
        new ExpertDesk(() -> directory, new SqliteExpertStore(database, clock), clock);
    relay = new ExpertRelay(desk, new KnowledgeDrafts(dir), (workspace, user) -> false, clock);
    turns = new ExpertTurns(relay, "slack");
  }

  @AfterEach
  void tearDown() {
    relay.close();
    database.close();
  }

  private static Turn click(String action, Map<String, String> token) {
    return Turn.clicked(
        "slack",
        "T1",
        "U0EXP",
        "C0EXPERTS",
        Turn.Kind.CHANNEL,
        null,
        new Turn.Action(action, token));
  }

  private long asked() {
    Outcome outcome =
        turns.ask(
            asker,
            new Turn.Action(
                ExpertReplies.ASK,
                Map.of(
                    "question",
                    "How often should we retrain?",
                    ExpertReplies.inputKey(ExpertReplies.ASK),
                    "we have weekly data")));
    assertThat(outcome.changed()).isTrue();
    return outcome.question().orElseThrow().id();
  }

  @Test
  void an_answer_typed_into_a_card_of_an_earlier_release_is_read_from_its_plain_text_key() {
    long id = asked();

    Outcome answered =
        turns.click(
            click(ExpertReplies.ANSWER, Map.of("id", String.valueOf(id), "text", "Nightly.")),
            "C0EXPERTS");

    assertThat(answered.changed()).isTrue();
    ExpertQuestion question = relay.desk().find(id).orElseThrow();
    assertThat(question.state()).isEqualTo(ExpertQuestion.State.ANSWERED);
    assertThat(question.answer()).contains("Nightly.");
    assertThat(question.context()).isEqualTo("we have weekly data");
  }

  @Test
  void a_dialog_for_a_settled_question_does_not_open_and_the_desk_says_why() {
    long id = asked();
    Turn answer =
        click(
            ExpertReplies.ANSWER,
            Map.of("id", String.valueOf(id), ExpertReplies.inputKey(ExpertReplies.ANSWER), "Yes."));
    assertThat(turns.open(answer)).isPresent();
    turns.click(answer, "C0EXPERTS");

    assertThat(turns.open(answer)).isEmpty();
    assertThat(turns.refusal(answer, "C0EXPERTS").changed()).isFalse();
  }

  @Test
  void an_unknown_button_an_offer_without_a_question_and_a_foreign_thread_change_nothing() {
    assertThat(turns.click(click("expert_rate", Map.of("id", "1")), "C0EXPERTS").message())
        .isEqualTo(ExpertTurns.GONE);
    assertThat(turns.ask(asker, new Turn.Action(ExpertReplies.ASK, Map.of())).message())
        .isEqualTo(ExpertTurns.UNREADABLE);
    assertThat(turns.threadReply("C0GENERAL:1700.02", "U0EXP", "C0GENERAL", "hi")).isFalse();
    assertThat(turns.asked("T1", "U0ASK")).isFalse();
  }
}
