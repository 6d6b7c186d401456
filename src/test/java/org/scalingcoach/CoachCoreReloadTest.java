package org.scalingcoach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingcoach.admin.FolderWatcher;
import org.scalingcoach.admin.ReloadReport;
import org.scalingcoach.answer.Answer;
import org.scalingcoach.answer.Question;
import org.scalingcoach.config.CoachConfig;
import org.scalingcoach.retrieval.OnnxEmbedder;

/**
 * Reloading a core built over a temporary copy of the knowledge folder. The embedding cache is the
 * shared test core's, so only what a test changes is embedded.
 */
class CoachCoreReloadTest {
  private static final String NEW_SECTION =
      "\n## Drift alarms for seasonal demand\n\n"
          + "Seasonal demand makes drift alarms fire every December. Give each seasonal model a"
          + " calendar-aware baseline, compare this December with last December, and page the"
          + " owner only when the gap exceeds the seasonal band.\n";

  private static CountingEmbedder embedder;
  private Path knowledge;
  private CoachConfig config;
  private CoachCore core;

  @BeforeAll
  static void loadModel() {
    TestCore.shared();
    embedder = new CountingEmbedder(new OnnxEmbedder());
  }

  @BeforeEach
  void copyKnowledge() throws IOException {
    knowledge = TestCore.tempDir("knowledge-copy-");
    copy(Path.of("knowledge"), knowledge);
    config =
        CoachConfig.fromEnvironment(
            Map.of(
                "COACH_DATA_DIR", TestCore.database().file().getParent().toString(),
                "COACH_KNOWLEDGE_DIR", knowledge.toString()));
    core = CoachWiring.core(config, TestCore.database(), embedder);
  }

  @Test
  void should_answer_from_the_edited_text_after_a_reload_while_the_old_snapshot_stays_intact()
      throws IOException {
    String question = "How do we stop drift alarms firing every December for seasonal demand?";
    CoachSnapshot before = core.snapshot();
    assertThat(sectionsCited(core.answers().answer(Question.of(question))))
        .doesNotContain("drift-alarms-for-seasonal-demand");

    append("model-drift-and-retraining.md", NEW_SECTION);
    ReloadReport report = core.reload();

    assertThat(report.applied()).isTrue();
    assertThat(report.problems()).isEmpty();
    Answer answer = core.answers().answer(Question.of(question));
    assertThat(answer.answered()).isTrue();
    assertThat(sectionsCited(answer)).contains("drift-alarms-for-seasonal-demand");
    assertThat(answer.markdown()).containsAnyOf("calendar-aware", "last December", "seasonal band");
    assertThat(report.sections()).isEqualTo(before.retriever().size() + 1);
    assertThat(sectionsCited(before.answers().answer(Question.of(question))))
        .as("a question already on the old snapshot finishes on it")
        .doesNotContain("drift-alarms-for-seasonal-demand");
  }

  @Test
  void should_reload_by_itself_when_a_watched_file_changes() throws IOException {
    String key = "model-drift-and-retraining#drift-alarms-for-seasonal-demand";
    try (FolderWatcher watcher = CoachWiring.watch(config, core)) {
      append("model-drift-and-retraining.md", NEW_SECTION);

      await().atMost(Duration.ofSeconds(20)).until(() -> core.knowledge().section(key).isPresent());
    }
  }

  @Test
  void should_embed_only_the_sections_that_changed() throws IOException {
    int before = embedder.embedded.get();
    ReloadReport unchanged = core.reload();
    assertThat(unchanged.embedded()).isZero();
    assertThat(embedder.embedded.get()).isEqualTo(before);

    // Text no other test embeds into the shared cache.
    append("model-drift-and-retraining.md", NEW_SECTION.replace("December", "November"));
    ReloadReport changed = core.reload();

    // The new section's whole text plus its one paragraph (as sentences or one unit), nothing else.
    assertThat(changed.embedded()).isBetween(1, 6);
    assertThat(embedder.embedded.get() - before).isEqualTo(changed.embedded());
  }

  @Test
  void should_keep_the_other_files_and_report_file_and_line_when_an_edit_breaks_a_file()
      throws IOException {
    int documents = core.knowledge().documents().size();
    int audits = core.catalog().definitions().size();
    Path file = knowledge.resolve("immediate-next-steps.md");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int brokenLine = lines.indexOf("topic: scaling-strategy") + 1;
    lines.set(brokenLine - 1, "topic: strategy");
    Files.write(file, lines, StandardCharsets.UTF_8);

    ReloadReport report = core.reload();

    assertThat(report.applied()).isTrue();
    assertThat(report.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file().getFileName()).hasToString("immediate-next-steps.md");
              assertThat(problem.line()).isEqualTo(brokenLine);
              assertThat(problem.message()).contains("unknown topic 'strategy'");
            });
    assertThat(report.problemLines(10))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("immediate-next-steps.md:" + brokenLine + ":");
    assertThat(report.documents()).isEqualTo(documents - 1);
    assertThat(core.knowledge().document("immediate-next-steps")).isEmpty();
    assertThat(report.audits()).isEqualTo(audits);
    assertThat(core.answers().answer(Question.of("How do we detect model drift?")).answered())
        .isTrue();
  }

  @Test
  void should_reload_audit_definitions_and_check_their_links_against_the_new_knowledge()
      throws IOException {
    Path audit = knowledge.resolve("audits/plan-for-mlops.yaml");
    String text = Files.readString(audit, StandardCharsets.UTF_8);
    assertThat(core.catalog().find("plan-for-mlops")).isPresent();
    Files.writeString(
        audit,
        text.replaceFirst("title: .*", "title: Plan for MLOps (reviewed)"),
        StandardCharsets.UTF_8);

    core.reload();

    assertThat(core.catalog().find("plan-for-mlops").orElseThrow().title())
        .isEqualTo("Plan for MLOps (reviewed)");
  }

  @Test
  void should_report_a_broken_prompt_template_and_still_reload_the_knowledge() throws IOException {
    Path prompts = TestCore.tempDir("prompts-copy-");
    copy(Path.of("prompts"), prompts);
    CoachConfig withModel =
        CoachConfig.fromEnvironment(
            Map.of(
                "COACH_DATA_DIR",
                TestCore.database().file().getParent().toString(),
                "COACH_KNOWLEDGE_DIR",
                knowledge.toString(),
                "COACH_LLM_PROVIDER",
                "openai",
                "COACH_LLM_API_KEY",
                "test-key",
                "COACH_LLM_BASE_URL",
                "http://127.0.0.1:9/v1",
                "COACH_PROMPTS_DIR",
                prompts.toString()));
    CoachCore llmCore = CoachWiring.core(withModel, TestCore.database(), embedder);
    Files.writeString(prompts.resolve("answer.txt"), "Broken {{sourcez}} {{question}}");
    append("model-drift-and-retraining.md", NEW_SECTION);

    ReloadReport report = llmCore.reload();

    assertThat(report.applied()).isTrue();
    assertThat(report.problems())
        .anySatisfy(problem -> assertThat(problem.file().getFileName()).hasToString("answer.txt"));
    assertThat(
            llmCore
                .knowledge()
                .section("model-drift-and-retraining#drift-alarms-for-seasonal-demand"))
        .isPresent();
  }

  @Test
  void should_keep_serving_the_previous_version_when_no_document_is_left() throws IOException {
    int documents = core.knowledge().documents().size();
    try (Stream<Path> files = Files.list(knowledge)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.delete(file);
      }
    }

    ReloadReport report = core.reload();

    assertThat(report.applied()).isFalse();
    assertThat(report.summary()).contains("kept answering from the previous version");
    assertThat(core.knowledge().documents()).hasSize(documents);
  }

  private static List<String> sectionsCited(Answer answer) {
    return answer.citations().stream().map(c -> c.anchor()).toList();
  }

  private void append(String fileName, String text) throws IOException {
    Files.writeString(
        knowledge.resolve(fileName), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(
          source -> {
            Path target = to.resolve(from.relativize(source).toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
