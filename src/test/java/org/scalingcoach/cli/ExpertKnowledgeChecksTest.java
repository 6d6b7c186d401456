package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Problem;

/** {@code knowledge check} covers experts.yaml and drafts; drafts are never loaded as knowledge. */
class ExpertKnowledgeChecksTest {
  @TempDir Path dir;

  private int documents;

  /** The shipped documents (not the audits), so cross-links resolve. */
  private Path shippedDocuments() throws IOException {
    Path folder = dir.resolve("knowledge");
    Files.createDirectories(folder.resolve("drafts"));
    for (Path file :
        Files.list(Path.of("knowledge"))
            .filter(p -> p.toString().endsWith(".md") && !p.endsWith("README.md"))
            .toList()) {
      Files.copy(file, folder.resolve(file.getFileName()));
      documents++;
    }
    return folder;
  }

  @Test
  void should_not_load_a_draft_but_report_its_problems_and_those_of_experts_yaml()
      throws IOException {
    Path folder = shippedDocuments();
    Files.writeString(
        folder.resolve("drafts/expert-6-fine.md"),
        Files.readString(folder.resolve("data-governance-at-scale.md"))
            .replace("id: data-governance-at-scale", "id: expert-6-fine"));
    Path broken = folder.resolve("drafts/expert-7.md");
    Files.writeString(broken, "---\nid: expert-7\n---\n## Heading\n\ntext\n");
    Path experts = folder.resolve("experts.yaml");
    Files.writeString(experts, "topics:\n  pizza:\n    slack_channel: C0PIZZA\n");

    KnowledgeBase knowledge = KnowledgeBase.load(folder);
    List<Problem> problems = KnowledgeChecks.all(folder, knowledge);

    assertThat(knowledge.documents()).hasSize(documents);
    assertThat(problems).anySatisfy(p -> assertThat(p.file()).isEqualTo(broken));
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo(experts);
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("unknown topic 'pizza'");
            });
  }

  @Test
  void should_find_no_problem_in_a_valid_experts_yaml_and_no_drafts() throws IOException {
    Path folder = shippedDocuments();
    Files.writeString(
        folder.resolve("experts.yaml"),
        "default:\n  slack_channel: C0EXPERTS\ntopics:\n  model-retraining:\n    teams:\n"
            + "      team: \"19:t@thread.tacv2\"\n      channel: \"19:c@thread.tacv2\"\n");

    assertThat(KnowledgeChecks.all(folder, KnowledgeBase.load(folder))).isEmpty();
  }
}
