package org.scalingcoach.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.scalingcoach.audit.MutableClock;
import org.scalingcoach.expert.ExpertDesk.Expert;
import org.scalingcoach.expert.ExpertDesk.Outcome;
import org.scalingcoach.expert.ExpertQuestion.Asker;
import org.scalingcoach.expert.ExpertQuestion.State;
import org.scalingcoach.knowledge.KnowledgeParser;
import org.scalingcoach.knowledge.Topic;
import org.scalingcoach.store.Database;
import org.scalingcoach.store.DatabaseKind;
import org.scalingcoach.store.SqliteExpertStore;
import org.scalingcoach.store.TestDatabases;

@ParameterizedClass
@EnumSource(DatabaseKind.class)
class ExpertDeskTest {
  @Parameter DatabaseKind kind;
  private static final String EXPERTS =
      """
      response_hours: 4
      expire_after_days: 3
      default:
        slack_channel: C0DEFAULT
      topics:
        model-retraining:
          slack_channel: C0MLOPS
          teams:
            team: "19:team-ml@thread.tacv2"
            channel: "19:ml-experts@thread.tacv2"
          people: [U0LEAD]
      """;

  @TempDir Path dir;
  private Database database;
  private MutableClock clock;
  private ExpertDesk desk;
  private SqliteExpertStore store;

  private final Asker slackAsker = new Asker("slack", "T1", "U0ASK", "C0GENERAL", "1700.01");
  private final Expert mlExpert = new Expert(new ExpertChannel("slack", "C0MLOPS"), "U0EXP");

  @BeforeEach
  void setUp() {
    database = TestDatabases.open(kind, "experts-");
    clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    store = new SqliteExpertStore(database, clock);
    ExpertDirectory directory =
        ExpertDirectoryParser.parse(dir.resolve("experts.yaml"), EXPERTS).directory();
    desk = new ExpertDesk(() -> directory, store, clock);
  }

  @AfterEach
  void tearDown() {
    database.close();
  }

  private ExpertQuestion askDrift() {
    Outcome asked =
        desk.ask(
            slackAsker,
            "how do we retrain without downtime?",
            "we run on k8s",
            "",
            List.of(),
            Optional.of(Topic.MODEL_RETRAINING));
    assertThat(asked.changed()).isTrue();
    return asked.question().orElseThrow();
  }

  @Test
  void should_route_a_question_to_its_topic_channel_on_the_askers_platform() {
    ExpertQuestion question = askDrift();

    assertThat(question.route()).isEqualTo("model-retraining");
    assertThat(question.channel()).contains(new ExpertChannel("slack", "C0MLOPS"));
    assertThat(question.state()).isEqualTo(State.OPEN);
    assertThat(question.dueAt()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));

    Outcome fromTeams =
        desk.ask(
            new Asker("teams", "tenant", "29:x", "a:chat", ""),
            "when should we retrain?",
            "",
            "",
            List.of(),
            Optional.of(Topic.MODEL_RETRAINING));
    assertThat(fromTeams.question().orElseThrow().channel())
        .contains(new ExpertChannel("teams", "19:ml-experts@thread.tacv2"));
  }

  @Test
  void should_send_a_topic_without_experts_to_the_default_channel() {
    Outcome asked =
        desk.ask(
            slackAsker,
            "who owns the budget?",
            "",
            "",
            List.of(),
            Optional.of(Topic.INFRASTRUCTURE_COST));

    assertThat(asked.question().orElseThrow().route()).isEqualTo("default");
    assertThat(asked.question().orElseThrow().channel())
        .contains(new ExpertChannel("slack", "C0DEFAULT"));
  }

  @Test
  void should_keep_one_open_question_when_the_same_question_is_asked_twice() {
    ExpertQuestion first = askDrift();

    Outcome again =
        desk.ask(
            slackAsker,
            "how do we retrain without downtime?",
            "",
            "",
            List.of(),
            Optional.of(Topic.MODEL_RETRAINING));

    assertThat(again.changed()).isFalse();
    assertThat(again.question().orElseThrow().id()).isEqualTo(first.id());
    assertThat(desk.askedBy("slack", "T1", "U0ASK")).hasSize(1);
  }

  @Test
  void should_change_nothing_on_a_second_claim_or_answer() {
    ExpertQuestion question = askDrift();

    assertThat(desk.claim(question.id(), mlExpert).changed()).isTrue();
    Outcome secondClaim = desk.claim(question.id(), mlExpert);
    Outcome otherClaim =
        desk.claim(question.id(), new Expert(new ExpertChannel("slack", "C0MLOPS"), "U0OTHER"));
    Outcome answered = desk.answer(question.id(), mlExpert, "Blue-green: train, shadow, switch.");
    Outcome secondAnswer = desk.answer(question.id(), mlExpert, "Something else");

    assertThat(secondClaim.changed()).isFalse();
    assertThat(otherClaim.changed()).isFalse();
    assertThat(otherClaim.message()).contains("claimed by someone else");
    assertThat(answered.changed()).isTrue();
    assertThat(secondAnswer.changed()).isFalse();
    assertThat(secondAnswer.message()).contains("Already answered by U0EXP");
    ExpertQuestion stored = desk.find(question.id()).orElseThrow();
    assertThat(stored.answer()).contains("Blue-green: train, shadow, switch.");
    assertThat(store.history(question.id()))
        .extracting(ExpertStore.Step::action)
        .containsExactly("asked", "claimed", "answered");
  }

  @Test
  void should_refuse_someone_outside_the_experts_channel_but_admit_named_people() {
    ExpertQuestion question = askDrift();

    Outcome outsider =
        desk.answer(
            question.id(), new Expert(new ExpertChannel("slack", "C0RANDOM"), "U0NOPE"), "hi");
    Outcome lead =
        desk.answer(
            question.id(), new Expert(new ExpertChannel("slack", "D0LEAD"), "U0LEAD"), "Ask ML.");

    assertThat(outsider.changed()).isFalse();
    assertThat(outsider.message()).contains("Only the experts");
    assertThat(lead.changed()).isTrue();
  }

  @Test
  void should_send_not_for_us_on_to_the_default_channel_and_decline_there() {
    ExpertQuestion question = askDrift();

    Outcome rerouted = desk.notForUs(question.id(), mlExpert, "");
    ExpertQuestion moved = rerouted.question().orElseThrow();
    Outcome declined =
        desk.notForUs(
            question.id(),
            new Expert(new ExpertChannel("slack", "C0DEFAULT"), "U0DEF"),
            "HR question, ask people-ops");

    assertThat(moved.route()).isEqualTo("default");
    assertThat(moved.channel()).contains(new ExpertChannel("slack", "C0DEFAULT"));
    assertThat(moved.state()).isEqualTo(State.OPEN);
    assertThat(declined.question().orElseThrow().state()).isEqualTo(State.DECLINED);
    assertThat(declined.question().orElseThrow().declineReason())
        .contains("HR question, ask people-ops");
    assertThat(desk.answer(question.id(), mlExpert, "late").changed()).isFalse();
  }

  @Test
  void should_remind_once_after_the_target_time_and_expire_later() {
    ExpertQuestion question = askDrift();

    assertThat(desk.remindOverdue()).isEmpty();
    clock.advance(Duration.ofHours(5));
    assertThat(desk.remindOverdue()).extracting(ExpertQuestion::id).containsExactly(question.id());
    assertThat(desk.remindOverdue()).isEmpty();
    clock.advance(Duration.ofDays(3));
    assertThat(desk.expireStale()).extracting(ExpertQuestion::id).containsExactly(question.id());
    assertThat(desk.find(question.id()).orElseThrow().state()).isEqualTo(State.EXPIRED);
  }

  @Test
  void should_write_a_valid_draft_for_an_answered_question() throws Exception {
    ExpertQuestion question = askDrift();
    desk.answer(question.id(), mlExpert, "Train the new model beside the old one, then switch.");
    KnowledgeDrafts drafts = new KnowledgeDrafts(dir.resolve("knowledge"));

    String path =
        drafts.write(
            desk.find(question.id()).orElseThrow(),
            Topic.MODEL_RETRAINING,
            LocalDate.of(2026, 12, 1));
    Outcome drafted = desk.drafted(question.id(), "U0ADMIN", path);

    Path file = dir.resolve("knowledge").resolve(path);
    String text = Files.readString(file);
    assertThat(path).startsWith("drafts/expert-" + question.id() + "-how-do-we-retrain");
    assertThat(text).contains("## How do we retrain without downtime?", "owner: \"U0EXP\"");
    assertThat(new KnowledgeParser().parse(file, text).problems()).isEmpty();
    assertThat(drafts.check()).isEmpty();
    assertThat(drafted.question().orElseThrow().draft()).contains(path);
  }

  @Test
  void should_report_problems_of_a_broken_experts_file_with_lines() {
    ExpertDirectoryParser.Parsed parsed =
        ExpertDirectoryParser.parse(
            dir.resolve("experts.yaml"),
            """
            response_hours: 0
            topics:
              model-retrain:
                slack_channel: C0X
              data-governance:
                slack_channel: general
            """);

    assertThat(parsed.directory().configured()).isFalse();
    assertThat(parsed.problems())
        .extracting(p -> p.line() + ": " + p.message())
        .anySatisfy(m -> assertThat(m).startsWith("1: 'response_hours' must be at least 1"))
        .anySatisfy(m -> assertThat(m).startsWith("3: unknown topic 'model-retrain'"))
        .anySatisfy(m -> assertThat(m).startsWith("6: 'general' is not a Slack channel id"));
  }
}
