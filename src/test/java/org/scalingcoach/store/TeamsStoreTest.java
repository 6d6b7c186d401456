package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.store.TeamsStore.TeamsFeedback;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class TeamsStoreTest {
  @Parameter DatabaseKind kind;

  @TempDir Path dir;
  private Database database;
  private TeamsStore store;

  @BeforeEach
  void open() {
    database = TestDatabases.open(kind, "teams-store-");
    store = new TeamsStore(database);
  }

  @Test
  void should_keep_the_last_six_turns_of_a_conversation_oldest_first() {
    for (int i = 1; i <= 4; i++) {
      store.recordExchange("t", "c", "q" + i, "a" + i);
    }
    store.recordExchange("t", "other", "elsewhere", "reply");

    assertThat(store.recentTurns("t", "c"))
        .containsExactly(
            new PastTurn(PastTurn.Speaker.USER, "q2"),
            new PastTurn(PastTurn.Speaker.COACH, "a2"),
            new PastTurn(PastTurn.Speaker.USER, "q3"),
            new PastTurn(PastTurn.Speaker.COACH, "a3"),
            new PastTurn(PastTurn.Speaker.USER, "q4"),
            new PastTurn(PastTurn.Speaker.COACH, "a4"));
  }

  @Test
  void should_replace_a_users_earlier_vote_on_the_same_answer() {
    store.recordFeedback(
        new TeamsFeedback("t", "c", "1:reply-1", "user", "up", "q", "model-retraining", "doc#a"));
    store.recordFeedback(
        new TeamsFeedback("t", "c", "1:reply-1", "user", "down", "q", "model-retraining", "doc#a"));
    store.recordFeedback(
        new TeamsFeedback("t", "c", "1:reply-1", "someone-else", "up", "q", null, null));

    assertThat(store.feedback("t"))
        .extracting(TeamsFeedback::userId, TeamsFeedback::vote)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("user", "down"),
            org.assertj.core.groups.Tuple.tuple("someone-else", "up"));
    assertThat(store.feedback("another-tenant")).isEmpty();
  }
}
