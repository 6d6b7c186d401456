package org.scalingcoach.web.console;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalingcoach.console.AnswerTrials;
import org.scalingcoach.console.ConsoleServices;
import org.scalingcoach.console.EditRefused;
import org.scalingcoach.console.KnowledgeEditor;
import org.scalingcoach.console.KnowledgeRevisions.Revision;
import org.scalingcoach.console.TextDiff;
import org.scalingcoach.knowledge.Topic;

/** The knowledge pages: the document list, the editor with live checks, history, diff, revert. */
final class KnowledgePages {
  private final ConsoleServices services;
  private final KnowledgeEditor editor;

  KnowledgePages(ConsoleServices services) {
    this.services = services;
    this.editor = services.knowledge();
  }

  /** Answers {@code path} if it is a knowledge page; false otherwise. */
  boolean handle(String path, boolean post, Exchange exchange) throws IOException {
    switch (path) {
      case "/", "/knowledge" -> list(exchange);
      case "/knowledge/edit" -> {
        String doc = exchange.param("doc");
        String content =
            editor
                .read(doc)
                .orElseThrow(() -> new EditRefused("There is no document " + doc + "."));
        String question = exchange.param("section");
        if (!question.isBlank()) {
          content = KnowledgeEditor.withNewSection(content, question);
        }
        editorPage(exchange, doc, content, false, null, exchange.param("question"));
      }
      case "/knowledge/check" -> {
        if (!post) {
          return false;
        }
        check(exchange);
      }
      case "/knowledge/save" -> {
        if (!post) {
          return false;
        }
        save(exchange);
      }
      case "/knowledge/try" -> {
        if (!post) {
          return false;
        }
        String doc = exchange.param("doc");
        String content = exchange.param("content");
        AnswerTrials.Trial trial =
            services.trials().askWithDraft(exchange.param("question"), doc, content);
        editorPage(exchange, doc, content, editor.read(doc).isEmpty(), trial, trial.question());
      }
      case "/knowledge/history" -> history(exchange);
      case "/knowledge/revision" -> revision(exchange);
      case "/knowledge/revert" -> {
        if (!post) {
          return false;
        }
        long id = Long.parseLong(exchange.param("id").strip());
        KnowledgeEditor.Saved saved = services.knowledge().revert(exchange.session().actor(), id);
        Revision revision = editor.revision(id).orElseThrow();
        exchange.redirect(
            "/admin/knowledge/history?doc=" + Exchange.encode(revision.document()),
            "Reverted to revision " + id + ". " + saved.reload().summary());
      }
      case "/knowledge/new" -> {
        if (post) {
          Topic topic = Topic.fromId(exchange.param("topic")).orElse(Topic.SCALING_STRATEGY);
          String id = exchange.param("id").strip();
          String content =
              editor.template(exchange.session().actor(), id, exchange.param("title"), topic);
          editorPage(exchange, id + ".md", content, true, null, "");
        } else {
          exchange.render(
              "console/newdoc.jte",
              Map.of(
                  "page",
                  exchange.page("New document", "knowledge"),
                  "topics",
                  List.of(Topic.values())));
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void list(Exchange exchange) throws IOException {
    exchange.render(
        "console/knowledge.jte",
        Map.of("page", exchange.page("Knowledge", "knowledge"), "documents", editor.documents()));
  }

  private void check(Exchange exchange) throws IOException {
    String doc = exchange.param("doc");
    String content = exchange.param("content");
    if (exchange.fromHtmx()) {
      exchange.render(
          "console/problems.jte", Map.of("check", editor.check(doc, content), "doc", doc));
      return;
    }
    editorPage(exchange, doc, content, editor.read(doc).isEmpty(), null, "");
  }

  private void save(Exchange exchange) throws IOException {
    String doc = exchange.param("doc");
    String content = exchange.param("content").replace("\r\n", "\n");
    try {
      KnowledgeEditor.Saved saved = editor.save(exchange.session().actor(), doc, content);
      exchange.redirect(
          "/admin/knowledge/edit?doc=" + Exchange.encode(doc),
          "Saved as revision " + saved.revision() + ". " + saved.reload().summary());
    } catch (EditRefused e) {
      Map<String, Object> model = editorModel(exchange, doc, content, editor.read(doc).isEmpty());
      model.put("page", exchange.page("Edit " + doc, "knowledge").withNotice(e.getMessage()));
      exchange.render(422, "console/editor.jte", model);
    }
  }

  private void editorPage(
      Exchange exchange,
      String doc,
      String content,
      boolean isNew,
      AnswerTrials.Trial trial,
      String question)
      throws IOException {
    Map<String, Object> model = editorModel(exchange, doc, content, isNew);
    model.put("trial", trial);
    model.put("preview", trial == null ? null : ChannelPreview.of(trial.answer()));
    model.put("question", question);
    exchange.render("console/editor.jte", model);
  }

  private Map<String, Object> editorModel(
      Exchange exchange, String doc, String content, boolean isNew) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", exchange.page("Edit " + doc, "knowledge"));
    model.put("doc", doc);
    model.put("content", content);
    model.put("isNew", isNew);
    model.put("check", editor.check(doc, content));
    model.put("trial", null);
    model.put("preview", null);
    model.put("question", "");
    return model;
  }

  private void history(Exchange exchange) throws IOException {
    String doc = exchange.param("doc");
    exchange.render(
        "console/history.jte",
        Map.of(
            "page",
            exchange.page("History of " + doc, "knowledge"),
            "doc",
            doc,
            "revisions",
            editor.history(doc)));
  }

  private void revision(Exchange exchange) throws IOException {
    long id;
    try {
      id = Long.parseLong(exchange.param("id").strip());
    } catch (NumberFormatException e) {
      throw new EditRefused("There is no such revision.");
    }
    Revision revision =
        editor.revision(id).orElseThrow(() -> new EditRefused("There is no revision " + id + "."));
    String before = editor.previous(revision).map(Revision::content).orElse("");
    exchange.render(
        "console/revision.jte",
        Map.of(
            "page",
            exchange.page("Revision " + id, "knowledge"),
            "revision",
            revision,
            "diff",
            TextDiff.between(before, revision.content())));
  }
}
