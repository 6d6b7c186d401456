package org.scalingcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.PastTurn;
import org.scalingcoach.store.SlackAnswerStore.Place;
import org.scalingcoach.store.TeamsConversationStore.ConversationRef;

/**
 * The chat-side stores (answers, feedback, questions asked, assistant threads, Teams references)
 * and the insights read from them, on SQLite and on PostgreSQL alike.
 */
@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ChatStoresTest {
  @Parameter DatabaseKind kind;

  private static Answer answer(String question, boolean answered) {
    return new Answer(question, answered, null, "Retrain on a schedule.", List.of(), List.of());
  }

  @Test
  void answers_feedback_and_questions_round_trip_and_feed_the_insights() {
    Database database = TestDatabases.open(kind, "chat-stores-");
    SlackAnswerStore answers = new SlackAnswerStore(database, Clock.systemUTC());
    SlackFeedbackStore feedback = new SlackFeedbackStore(database);
    QuestionLog questions = new QuestionLog(database);
    Place place = new Place("T1", "C1", "1700.1");

    answers.save("a1", place, "1700.2", "U1", answer("how do we retrain", true));
    answers.save("a2", place, "1700.3", "U2", answer("and how often", true));
    questions.record("T1", "U1", "C1", answer("what is the weather", false));
    questions.record("T1", "U2", "C1", answer("What is the weather ", false));
    boolean voted = feedback.record("T1", "a1", "U3", 1, List.of("doc#part"));
    boolean changed = feedback.record("T1", "a1", "U3", -1, List.of("doc#part"));

    assertThat(voted).isTrue();
    assertThat(changed).isTrue();
    assertThat(feedback.record("T1", "missing", "U3", 1, List.of())).isFalse();
    assertThat(feedback.find("T1", "a1", "U3").orElseThrow().rating()).isEqualTo(-1);
    assertThat(answers.find("T1", "a1").orElseThrow().userId()).isEqualTo("U1");
    assertThat(answers.askersIn(place)).containsExactlyInAnyOrder("U1", "U2");
    assertThat(answers.history(place, 5, Duration.ofHours(1)))
        .extracting(PastTurn::text)
        .containsExactly(
            "how do we retrain",
            "Retrain on a schedule.",
            "and how often",
            "Retrain on a schedule.");

    Insights insights = new Insights(database);
    Instant since = Instant.now().minus(Duration.ofDays(1));
    assertThat(insights.unanswered("T1", since, 10))
        .singleElement()
        .satisfies(u -> assertThat(u.times()).isEqualTo(2));
    assertThat(insights.unanswered(null, since, 10)).hasSize(1);
    assertThat(insights.votedDown("T1", since, 10))
        .singleElement()
        .satisfies(r -> assertThat(r.down()).isEqualTo(1));
    assertThat(insights.usage("T1", since).asked()).isEqualTo(2);
    assertThat(new SqliteInsightQueue(database).newest("T1", since, 10)).hasSize(3);

    answers.forget("a2");
    assertThat(answers.find("T1", "a2")).isEmpty();
  }

  @Test
  void assistant_threads_and_teams_references_keep_the_latest_and_a_known_personal_chat() {
    Database database = TestDatabases.open(kind, "chat-refs-");
    AssistantThreadStore threads = new AssistantThreadStore(database, Clock.systemUTC());
    TeamsConversationStore refs = new TeamsConversationStore(database);

    threads.remember("T1", "D1", "1700.1", "U1", "C1");
    threads.remember("T1", "D1", "1700.1", "U1", null);
    refs.remember(new ConversationRef("tn", "u1", "29:u1", "Ann", "https://a", "bot", "chat-1"));
    refs.remember(new ConversationRef("tn", "u1", "29:u1", "Ann", "https://b", "bot", null));

    assertThat(threads.contextChannel("T1", "D1", "1700.1")).isEmpty();
    ConversationRef ref = refs.find("tn", "u1").orElseThrow();
    assertThat(ref.serviceUrl()).isEqualTo("https://b");
    assertThat(ref.conversationId()).isEqualTo("chat-1");
    assertThat(refs.anyInTenant("tn")).isPresent();
  }
}
