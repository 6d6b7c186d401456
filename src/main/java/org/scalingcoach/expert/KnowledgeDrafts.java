package org.scalingcoach.expert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.scalingcoach.knowledge.KnowledgeParser;
import org.scalingcoach.knowledge.Problem;
import org.scalingcoach.knowledge.Topic;

/**
 * Turns an expert's answer into a draft knowledge file under {@code knowledge/drafts/}: valid front
 * matter, one {@code ##} section with the question as its heading and the answer as its text.
 * Drafts are checked like knowledge but not loaded until an admin moves them up a folder.
 */
public final class KnowledgeDrafts {
  /** The sub-folder of the knowledge folder that holds drafts. */
  public static final String FOLDER = org.scalingcoach.knowledge.KnowledgeBase.DRAFTS_FOLDER;

  private final Path knowledgeDir;

  public KnowledgeDrafts(Path knowledgeDir) {
    this.knowledgeDir = knowledgeDir;
  }

  /** Writes the draft for an answered question and returns its path, relative to the folder. */
  public String write(ExpertQuestion question, Topic topic, LocalDate today) {
    String slug = slug(question.question());
    String id = "expert-" + question.id() + (slug.isEmpty() ? "" : "-" + slug);
    String heading = heading(question.question());
    String owner = question.answeredBy().orElse("experts");
    StringBuilder text = new StringBuilder();
    text.append("---\n");
    text.append("id: ").append(id).append('\n');
    text.append("title: ").append(yamlQuoted(heading)).append('\n');
    text.append("topic: ").append(topic.id()).append('\n');
    text.append("tags: [expert answer]\n");
    text.append("owner: ").append(yamlQuoted(owner)).append('\n');
    text.append("last_reviewed: ").append(today).append('\n');
    text.append("---\n");
    text.append("## ").append(heading).append("\n\n");
    text.append(question.answer().orElse("").strip()).append("\n\n");
    text.append("*Answered by an expert (")
        .append(owner)
        .append(") on ")
        .append(today)
        .append(", asked through the coach.*\n");
    Path folder = knowledgeDir.resolve(FOLDER);
    Path file = folder.resolve(id + ".md");
    try {
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".draft-", ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the draft " + file, e);
    }
    return FOLDER + "/" + file.getFileName();
  }

  /** The problems of every draft, as {@code knowledge check} reports them. */
  public List<Problem> check() {
    Path folder = knowledgeDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    KnowledgeParser parser = new KnowledgeParser();
    List<Problem> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        problems.addAll(
            parser.parse(file, Files.readString(file, StandardCharsets.UTF_8)).problems());
      }
    } catch (IOException e) {
      problems.add(new Problem(folder, 0, "cannot read drafts: " + e.getMessage()));
    }
    return problems;
  }

  static String slug(String question) {
    String slug =
        question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
    }
    return slug;
  }

  /** One line, no markdown heading marks, a question mark kept: a heading people would search. */
  static String heading(String question) {
    String line = question.strip().replaceAll("\\s+", " ").replaceAll("^#+\\s*", "");
    if (line.length() > 120) {
      line = line.substring(0, 117) + "...";
    }
    return line.isEmpty()
        ? "Expert answer"
        : Character.toUpperCase(line.charAt(0)) + line.substring(1);
  }

  private static String yamlQuoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
