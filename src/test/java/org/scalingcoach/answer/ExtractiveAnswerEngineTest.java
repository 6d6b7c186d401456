package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalingcoach.TestCore;
import org.scalingcoach.knowledge.KnowledgeBase;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.SectionRole;
import org.scalingcoach.knowledge.Topic;

class ExtractiveAnswerEngineTest {
  private final AnswerEngine engine = TestCore.shared().answers();
  private final KnowledgeBase knowledge = TestCore.shared().knowledge();

  @Test
  void should_answer_with_a_few_cited_parts_of_the_best_sections() {
    Answer answer = engine.answer(Question.of("who should own the quality of our customer data?"));

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.DATA_GOVERNANCE);
    assertThat(answer.citations()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(answer.markdown().length()).isLessThan(1_200);
    assertThat(answer.followUps()).isNotEmpty();
  }

  @Test
  void should_quote_only_text_that_exists_in_the_cited_sections() {
    Answer answer =
        engine.answer(Question.of("what hidden costs show up when AI runs in production"));

    Matcher part = Pattern.compile("(?m)^(?:- )?(.+) \\[(\\d+)]$").matcher(answer.markdown());
    int parts = 0;
    while (part.find()) {
      parts++;
      Citation citation = answer.citations().get(Integer.parseInt(part.group(2)) - 1);
      Section section = knowledge.section(citation.key()).orElseThrow();
      assertThat(section.units()).anyMatch(u -> u.endsWith(part.group(1)));
    }
    assertThat(parts).isGreaterThan(0);
  }

  @Test
  void should_refuse_a_question_outside_the_knowledge_base() {
    Answer answer = engine.answer(Question.of("how many vacation days do I have left this year"));

    assertThat(answer.answered()).isFalse();
    assertThat(answer.topic()).isNull();
    assertThat(answer.citations()).isEmpty();
    assertThat(answer.markdown()).contains("Data governance").contains("Infrastructure and cost");
  }

  @Test
  void should_use_the_thread_to_answer_a_follow_up_that_cannot_stand_alone() {
    Question followUp =
        new Question(
            "and what about for the fraud one?",
            List.of(
                PastTurn.user("how do we know when to retrain our churn model"),
                PastTurn.coach("Retrain when monitoring shows drift.")));

    Answer answer = engine.answer(followUp);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.MODEL_RETRAINING);
  }

  @Test
  void should_turn_headings_into_follow_up_questions() {
    assertThat(ExtractiveAnswerEngine.asQuestion("Warning signs a model is drifting"))
        .isEqualTo("Tell me about warning signs a model is drifting");
    assertThat(ExtractiveAnswerEngine.asQuestion("Who owns the model?"))
        .isEqualTo("Who owns the model?");
    assertThat(ExtractiveAnswerEngine.asQuestion("MLOps checklist"))
        .isEqualTo("Tell me about MLOps checklist");
  }

  @Test
  void should_refuse_an_out_of_scope_question_even_after_an_in_scope_turn() {
    Question question =
        new Question(
            "thanks! btw what's the wifi password?",
            List.of(
                PastTurn.user("how do we detect model drift?"),
                PastTurn.coach("Drift detection combines watching inputs, outputs and outcomes.")));

    Answer answer = engine.answer(question);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.citations()).isEmpty();
  }

  @Test
  void should_refuse_an_out_of_scope_follow_up_that_starts_with_and() {
    Question question =
        new Question(
            "and can you reset my vpn password?",
            List.of(
                PastTurn.user("how often should we retrain our models?"), PastTurn.coach("...")));

    assertThat(engine.answer(question).answered()).isFalse();
  }

  @Test
  void should_read_an_elliptical_follow_up_with_the_previous_question() {
    Question question =
        new Question(
            "who should own it?",
            List.of(PastTurn.user("our pricing model is drifting"), PastTurn.coach("...")));

    Answer answer = engine.answer(question);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.MODEL_RETRAINING);
  }

  @Test
  void should_go_to_the_new_topic_when_the_user_says_the_subject_changes() {
    Question question =
        new Question(
            "ok different thing: how do we plan a load test?",
            List.of(PastTurn.user("how do we detect drift"), PastTurn.coach("...")));

    Answer answer = engine.answer(question);

    assertThat(answer.topic()).isEqualTo(Topic.INFRASTRUCTURE_COST);
  }

  @Test
  void should_quote_the_whole_list_with_its_lead_in_for_a_what_are_the_n_question() {
    Answer answer =
        engine.answer(Question.of("What are the four classic mistakes when scaling AI?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("scaling-ai-overview#the-four-scaling-errors-at-a-glance");
    assertThat(answer.markdown().lines().filter(l -> l.startsWith("- "))).hasSize(4);
    assertThat(answer.markdown())
        .contains("Weak data governance")
        .contains("Infrastructure and running costs left unplanned");
  }

  @Test
  void should_quote_both_sides_of_a_comparison() {
    Answer answer =
        engine.answer(Question.of("what's the difference between data drift and concept drift?"));

    List<String> sides = answer.markdown().lines().filter(l -> l.startsWith("- ")).toList();
    assertThat(sides).hasSize(2);
    assertThat(sides.get(0)).contains("Data drift").doesNotContain("Concept drift");
    assertThat(sides.get(1)).contains("Concept drift");
    assertThat(answer.citations().get(0).anchor()).isEqualTo("data-drift-versus-concept-drift");
  }

  @Test
  void should_quote_each_side_where_it_is_named_not_where_its_heading_names_it() {
    // the heading names spike tests but not soak tests: the list's lead-in under it is no side
    Answer answer = engine.answer(Question.of("how does a spike test differ from a soak test?"));

    List<String> sides = answer.markdown().lines().toList();
    assertThat(sides).hasSize(2);
    assertThat(sides.get(0)).contains("Spike test").doesNotContain("A basic load test");
    assertThat(sides.get(1)).contains("Soak test");
  }

  @Test
  void should_follow_the_list_of_roles_with_the_sentence_that_says_how_owners_are_named() {
    Answer answer =
        engine.answer(Question.of("who should own the customer dataset, IT or the business?"));

    assertThat(answer.markdown())
        .contains("**Data owner:**")
        .contains("**Data steward:**")
        .contains("a specific person, not a department");
  }

  @Test
  void should_keep_a_list_s_lead_in_when_a_definition_is_quoted_before_it() {
    Answer answer = engine.answer(Question.of("explain the maturity levels for data governance"));

    assertThat(answer.markdown())
        .contains("DAMA")
        .contains("uses six levels:")
        .contains("**3 Defined:**");
  }

  @Test
  void should_name_both_sides_of_a_comparison_however_it_is_asked() {
    assertThat(Comparison.sides("stress test vs soak test, which first?"))
        .contains(List.of("stress test", "soak test"));
    assertThat(Comparison.sides("what is the difference between a project and a product?"))
        .contains(List.of("a project", "a product"));
    assertThat(Comparison.sides("how does data drift differ from concept drift"))
        .contains(List.of("data drift", "concept drift"));
    assertThat(Comparison.sides("how do we measure adoption")).isEmpty();
    assertThat(Comparison.sides("a vs b vs c, whats the diff")).contains(List.of("a", "b", "c"));
    assertThat(Comparison.sides("the difference between a pilot vs a product?"))
        .contains(List.of("a pilot", "a product"));
    assertThat(Comparison.sides("owner vs steward - and who decides?"))
        .contains(List.of("owner", "steward"));
  }

  @Test
  void should_answer_every_side_of_a_comparison_from_the_section_that_makes_it() {
    Answer three =
        engine.answer(Question.of("stress test vs spike test vs soak test, whats the diff"));
    Answer product =
        engine.answer(
            Question.of(
                "whats the actual difference between running ai as a project vs as a product"));

    assertThat(three.markdown())
        .contains("**Stress test:")
        .contains("**Spike test:")
        .contains("**Soak test:");
    // the section comparing the two answers both; a neighbour about one side is not mixed in
    assertThat(product.citations())
        .extracting(Citation::key)
        .containsExactly("product-mindset-for-ai#project-thinking-versus-product-thinking-for-ai");
    assertThat(product.markdown())
        .contains("A project has fixed dates")
        .contains("Product thinking treats")
        .contains("a permanent owner");
  }

  @Test
  void should_answer_a_how_do_we_fix_question_from_the_remedy_not_the_symptoms() {
    Answer answer =
        engine.answer(
            Question.of("Our GPU bill tripled after go-live, how do we get it under control?"));

    Section cited = knowledge.section(answer.citations().get(0).key()).orElseThrow();
    assertThat(cited.role().describesProblem()).isFalse();
    assertThat(answer.markdown()).containsIgnoringCase("cache").containsIgnoringCase("right-size");
  }

  @Test
  void should_hand_a_leading_symptom_section_over_only_to_a_section_that_says_what_to_do() {
    // the warning signs lead; the section explaining why tools fail is no remedy to hand over to
    Answer answer =
        engine.answer(
            Question.of("usage dropped after launch week and teams argue against the tool"));

    Section cited = knowledge.section(answer.citations().get(0).key()).orElseThrow();
    assertThat(cited.role().saysWhatToDo() || cited.role().describesProblem())
        .as("cited %s (%s)", cited.key(), cited.role())
        .isTrue();
  }

  @Test
  void should_answer_a_question_that_asks_for_the_symptoms_with_the_symptoms() {
    Answer answer =
        engine.answer(
            Question.of(
                "we launched the copilot, what symptoms of an adoption problem should we watch for"));

    Section cited = knowledge.section(answer.citations().get(0).key()).orElseThrow();
    assertThat(cited.role()).as("cited %s", cited.key()).isEqualTo(SectionRole.SYMPTOMS);
  }

  @Test
  void should_quote_the_list_whose_introduction_answers_when_a_section_has_several() {
    // one section, two lists: for line managers, then for employee representatives
    Answer answer =
        engine.answer(
            Question.of("what do we have to do with the works council before the AI rollout?"));

    assertThat(answer.citations().get(0).anchor())
        .isEqualTo("getting-managers-unions-and-works-councils-on-board");
    assertThat(answer.markdown())
        .contains("Invite representatives to planning")
        .doesNotContain("Brief them before their teams");
  }

  @Test
  void should_add_to_a_quoted_list_the_closing_sentence_that_answers_the_question() {
    Answer answer =
        engine.answer(
            Question.of(
                "is it cheaper to fix the typical scaling problems now or just deal with them"
                    + " later once we've rolled out? boss wants to \"move fast\""));

    assertThat(answer.citations().get(0).anchor()).isEqualTo("the-four-scaling-errors-at-a-glance");
    assertThat(answer.markdown()).contains("Weak data governance").contains("cheap to prevent");
    // (a labelled question of the tuning-3 part: its point sits in the sentence after the list)
  }

  @Test
  void should_not_read_the_people_side_of_a_rollout_as_a_question_about_who_does_what() {
    Answer answer =
        engine.answer(
            Question.of(
                "rolling out to all branches next month, what do we need on the people side"));

    Section cited = knowledge.section(answer.citations().get(0).key()).orElseThrow();
    assertThat(cited.topic().id()).as("cited %s", cited.key()).isEqualTo("change-management");
  }

  @Test
  void should_follow_a_pointer_made_by_an_old_anchor_but_not_away_from_a_list_asked_for() {
    // the overview's closing sentence points, by the linked section's earlier anchor, to how the
    // errors reinforce each other
    Answer linked =
        engine.answer(Question.of("how do the four scaling errors make each other worse"));
    Answer list = engine.answer(Question.of("what are the four scaling errors"));

    assertThat(linked.citations().get(0).anchor())
        .isEqualTo("how-the-four-errors-are-connected-and-reinforce-each-other");
    assertThat(list.citations().get(0).anchor()).isEqualTo("the-four-scaling-errors-at-a-glance");
  }

  @Test
  void should_bring_along_the_list_a_compared_side_introduces() {
    Answer answer =
        engine.answer(Question.of("what's the difference between an ai project and an ai product"));

    // the product side ends "In practice that means:"; its items are the answer, not a dangling
    // colon
    assertThat(answer.markdown()).contains("In practice that means: [1]\n  - a permanent owner");
    assertThat(answer.markdown()).doesNotContainPattern(":\\s*\\[\\d]\\s*(\n- |$)");
  }

  @Test
  void should_answer_from_the_numbered_section_a_question_names() {
    // the five lessons sound alike; only the number tells them apart
    Answer first = engine.answer(Question.of("what's the first lesson for scaling ai"));
    Answer fourth = engine.answer(Question.of("lesson 4?"));
    Answer step = engine.answer(Question.of("what does the second next step say about monitoring"));
    Answer week = engine.answer(Question.of("who does what in the first week"));
    Answer governance =
        engine.answer(
            Question.of(
                "our crm and billing have no shared customer id, what's the first governance step"));
    Answer early =
        engine.answer(
            Question.of("what first steps should we take this week to prepare for scaling"));
    Answer begin =
        engine.answer(
            Question.of("what's the first step for getting our models monitored properly"));

    assertThat(first.citations().get(0).anchor())
        .isEqualTo("lesson-one-build-on-governed-data-and-automated-model-operations");
    assertThat(fourth.citations().get(0).anchor())
        .isEqualTo("lesson-four-forecast-running-costs-honestly");
    assertThat(step.citations().get(0).anchor())
        .isEqualTo("second-step-plan-how-models-will-be-monitored-and-retrained");
    // "first week" names no numbered heading: a heading that only contains it does not count
    assertThat(week.citations().get(0).anchor()).isEqualTo("who-does-what-in-the-first-week");
    // a word between the ordinal and the noun must name the series ("next steps"), else it is
    // another series
    assertThat(governance.citations().get(0).anchor())
        .isNotEqualTo("first-step-a-data-audit-of-your-sources-and-their-weak-spots");
    // "the first steps" are the early ones, not step one
    assertThat(early.citations().get(0).anchor())
        .isNotEqualTo("first-step-a-data-audit-of-your-sources-and-their-weak-spots");
    // "the first step for X" asks where to begin with X: step one, far weaker, does not take over
    assertThat(begin.citations().get(0).anchor())
        .isEqualTo("second-step-plan-how-models-will-be-monitored-and-retrained");
  }

  @Test
  void should_answer_a_question_about_all_four_areas_from_a_section_that_treats_them_together() {
    // each area's words pull towards its own topic; only the overview treats the four together
    Answer together =
        engine.answer(
            Question.of(
                "our data is messy, the models are drifting, users are drifting away and the"
                    + " cloud bill keeps climbing. is this all connected?"));
    // three areas named is often a comparison of two: not moved to the overview
    Answer two =
        engine.answer(
            Question.of(
                "we spend the whole budget on the model and nothing on the people side, is that a"
                    + " problem"));

    assertThat(together.citations().get(0).key())
        .isEqualTo(
            "scaling-ai-overview#how-the-four-errors-are-connected-and-reinforce-each-other");
    assertThat(two.citations().get(0).key()).doesNotStartWith("scaling-ai-overview#");
    // monitoring is how people name the model area when they list the four
    assertThat(FourAreas.named("data, monitoring, people or costs. where do we start?"))
        .isEqualTo(4);
    // and "change mgmt" is how they shorten the people area
    assertThat(FourAreas.named("one thing only: data, mlops, change mgmt or cost?")).isEqualTo(4);
  }

  @Test
  void should_answer_a_question_whose_evidence_spans_three_areas_from_the_strategy_sections() {
    // no area is named by its usual word, but staffing, retraining money and pipelines each pull
    // towards an area of their own: the question is about the programme as a whole
    Answer answer =
        engine.answer(
            Question.of(
                "the build team moved on, there's no money left for retraining and every team"
                    + " builds its own pipelines. where do we start fixing this?"));

    assertThat(answer.topic()).isEqualTo(org.scalingcoach.knowledge.Topic.SCALING_STRATEGY);
  }

  @Test
  void should_read_everyday_phrasing_through_the_synonym_list() {
    // knowledge/synonyms.txt: "pushing back" is what the knowledge calls resistance
    Answer answer =
        engine.answer(
            Question.of(
                "the sales team keeps pushing back on the lead scoring tool, how do we handle them"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#handling-resistance-from-staff");
  }

  @Test
  void should_quote_a_short_section_of_prose_whole_rather_than_its_first_sentence() {
    Section section =
        knowledge
            .section("product-mindset-for-ai#starting-with-scalable-cloud-architecture")
            .orElseThrow();

    // about quoting: the question names the section's subject, so that retrieval is not tested here
    Answer answer =
        engine.answer(
            Question.of(
                "should we design our cloud architecture for scale from the first release"));

    assertThat(answer.citations().get(0).key()).isEqualTo(section.key());
    assertThat(answer.markdown())
        .contains(section.units().get(0))
        .contains("shared platform")
        .contains("start small")
        .doesNotContain("belongs to the infrastructure topic");
  }

  @Test
  void should_quote_whole_sentences_of_one_paragraph_in_their_written_order() {
    Answer answer =
        engine.answer(
            Question.of("what changes when we go from a pilot group to the whole workforce?"));
    Section section = knowledge.section(answer.citations().get(0).key()).orElseThrow();

    String quoted = answer.markdown().replaceAll(" \\[\\d+]", "");
    List<String> inOrder = section.units().stream().filter(u -> quoted.contains(u)).toList();
    assertThat(inOrder).hasSizeGreaterThanOrEqualTo(2);
    assertThat(quoted.indexOf(inOrder.get(0))).isLessThan(quoted.indexOf(inOrder.get(1)));
    assertThat(quoted).contains("Local managers become the main source of information");
  }

  @Test
  void should_answer_a_question_with_typos() {
    Answer answer = engine.answer(Question.of("how do we detect modle drfit"));

    assertThat(answer.answered()).isTrue();
    assertThat(answer.topic()).isEqualTo(Topic.MODEL_RETRAINING);
  }

  @Test
  void should_read_an_abbreviation_from_the_synonyms_file() {
    Answer answer = engine.answer(Question.of("what's our infra and tco checklist before scaling"));

    assertThat(answer.topic()).isEqualTo(Topic.INFRASTRUCTURE_COST);
  }

  @Test
  void should_reply_in_english_with_the_topics_to_a_question_in_another_language() {
    for (String question :
        List.of(
            "Wie erkennen wir, dass unser Modell nicht mehr gut ist?",
            "Comment savoir si notre modèle est dépassé ?")) {
      Answer answer = engine.answer(Question.of(question));

      assertThat(answer.answered()).isFalse();
      assertThat(answer.markdown())
          .contains("only answer in English")
          .contains(Topic.MODEL_RETRAINING.label());
    }
  }

  @Test
  void should_give_a_short_clear_reply_to_input_that_is_not_a_question() {
    String trace =
        "java.lang.IllegalStateException: boom\n\tat org.acme.Foo.bar(Foo.java:12)\n"
            + "\tat org.acme.Main.main(Main.java:3)";
    String log = "2026-11-30 10:01:02 ERROR pipeline failed\n2026-11-30 10:01:03 WARN retrying";
    // Pasted on one line, as a chat client often copies it: still a trace, not a non-English text.
    String oneLine =
        "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null"
            + " at com.acme.Foo.bar(Foo.java:42) at com.acme.Main.main(Main.java:10)";
    String python = "Traceback (most recent call last): File \"train.py\", line 3, in <module>";
    for (String input :
        List.of(
            "",
            "   \n\t ",
            "🚀🔥👍",
            "https://example.com/some/page",
            trace,
            log,
            oneLine,
            python,
            "why ".repeat(5_000))) {
      Answer answer = engine.answer(new Question(input, List.of()));

      assertThat(answer.answered()).as(input).isFalse();
      assertThat(answer.citations()).isEmpty();
      assertThat(answer.markdown().length()).as(input).isLessThan(600);
      assertThat(answer.question().length()).isLessThanOrEqualTo(InputScreen.MAX_CHARS);
    }
    assertThat(engine.answer(Question.of("https://example.com/x")).markdown()).contains("links");
    for (String pasted : List.of(trace, oneLine, python)) {
      assertThat(engine.answer(Question.of(pasted)).markdown()).as(pasted).contains("stack trace");
    }
    // A question that mentions an exception is still a question.
    assertThat(
            engine
                .answer(Question.of("our model throws an OutOfMemoryError at scale, what now?"))
                .markdown())
        .doesNotContain("stack trace");
    assertThat(engine.answer(Question.of("why ".repeat(5_000))).markdown()).contains("2,000");
  }

  @Test
  void should_prefer_the_kind_of_section_a_question_names() {
    Answer answer =
        engine.answer(Question.of("which warning signs tell us adoption is in trouble?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("change-management-and-adoption#warning-signs-of-an-adoption-problem");
  }

  @Test
  void should_answer_a_why_question_with_the_list_of_causes_its_explanation_gives() {
    Answer answer =
        engine.answer(Question.of("why does the cloud bill explode once the pilot goes live?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo(
            "infrastructure-and-cost-at-scale#why-production-ai-costs-more-than-the-pilot-suggested");
    assertThat(answer.markdown()).contains("- **Compute**").contains("- **Storage**");
  }

  @Test
  void should_hand_over_to_the_section_the_best_sentence_points_to() {
    Answer answer =
        engine.answer(
            Question.of("how can we tell which ADKAR stage is holding back the drivers?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#scoring-adkar-and-finding-the-barrier-point");
  }

  @Test
  void should_give_a_verdict_on_a_plan_and_then_what_to_do_instead() {
    Answer answer =
        engine.answer(
            Question.of(
                "we'll run one all-hands training call for the whole company on the new"
                    + " assistant, is that fine?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#designing-training-for-each-role");
    assertThat(answer.markdown())
        .startsWith("One generic training session for everyone")
        .contains("- **Group users by role and decision,**")
        .contains("- **Train managers first**");
  }

  /**
   * The sentence that judges the plan leads, even when another sentence shares more of the
   * question's words ("Measure training by confidence ..." shares "training").
   */
  @Test
  void should_open_a_verdict_with_the_sentence_that_judges_the_plan_not_the_one_sharing_words() {
    Answer answer =
        engine.answer(
            Question.of("we plan one big training webinar for all 800 staff. is that ok?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#designing-training-for-each-role");
    assertThat(answer.markdown())
        .startsWith("One generic training session for everyone")
        .contains("- **Keep sessions short,**");
  }

  /**
   * A question that describes one remark of a symptom list gets that remark, the sentence that
   * routes it, and the remedy it is routed to, not the whole list of remarks.
   */
  @Test
  void should_answer_one_symptom_with_its_remark_and_the_remedy_its_section_routes_it_to() {
    Answer answer =
        engine.answer(
            Question.of("cloud bill doubled last month and nobody knows which team caused it"));

    assertThat(answer.citations())
        .extracting(c -> c.key())
        .containsExactly(
            "infrastructure-and-cost-at-scale#how-infrastructure-and-cost-problems-show-up-in-day-to-day-work",
            "finops-tco-and-load-testing#finops-for-ai-inform-optimise-operate");
    assertThat(answer.markdown())
        .startsWith("**\"The cloud bill doubled and nobody knows why.\"**")
        .contains("made traceable with tags and budgets from FinOps for AI")
        .contains("Tag every AI resource by team, product and use case")
        .contains("Set budgets and alerts per use case")
        .doesNotContain("It's so slow")
        .doesNotContain("Storage keeps growing");
  }

  @Test
  void should_tell_which_linked_heading_a_routing_sentence_names() {
    String routing =
        "A bill that jumps is brought back under control with the cost control techniques, and"
            + " made traceable with tags and budgets from FinOps for AI.";
    assertThat(SymptomRoute.names(routing, "Cost control techniques for AI workloads")).isTrue();
    assertThat(SymptomRoute.names(routing, "FinOps for AI: inform, optimise, operate")).isTrue();
    // one shared word ("cost") or a run of minor words ("for AI") is no name
    assertThat(SymptomRoute.names(routing, "A total cost of ownership worksheet")).isFalse();
    assertThat(SymptomRoute.names(routing, "Scaling AI for the whole company")).isFalse();
    assertThat(
            SymptomRoute.names(
                "and the question of who pays in the TCO worksheet.",
                "A total cost of ownership worksheet"))
        .isTrue();
    assertThat(
            SymptomRoute.names(
                "are found and fixed with a load test.", "Planning a load test before scale-up"))
        .isTrue();
  }

  @Test
  void should_quote_the_sentence_that_judges_the_plan_once_and_before_the_list() {
    Answer answer =
        engine.answer(
            Question.of(
                "the product owner of our chatbot does it next to her regular job. is that ok?"));

    String markdown = answer.markdown();
    assertThat(markdown).contains("not a line added to an already full job");
    assertThat(markdown.indexOf("not a line added")).isLessThan(markdown.indexOf("- defines"));
    String repeated = "This is usually someone from the business area that benefits";
    assertThat(markdown.indexOf(repeated)).isEqualTo(markdown.lastIndexOf(repeated));
  }

  @Test
  void should_answer_a_why_question_from_the_explanation_not_the_section_it_points_to() {
    Answer answer =
        engine.answer(
            Question.of(
                "why does plugging AI into our legacy systems always blow up the timeline?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("infrastructure-and-cost-at-scale#why-legacy-systems-are-hard-to-connect");
  }

  @Test
  void should_answer_a_question_after_the_cause_from_the_explanation_not_the_symptoms() {
    Answer answer =
        engine.answer(
            Question.of(
                "our churn model was great at launch and now its predictions are way off. no one"
                    + " changed the code, how is that possible?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("model-drift-and-retraining#why-a-deployed-model-gets-worse-over-time");
  }

  @Test
  void should_answer_a_why_question_with_the_reasons_a_section_lists_whatever_its_role() {
    // "What drift costs the business" is not written as an explanation, but its list is the answer
    Answer answer = engine.answer(Question.of("why should we care what a drifting model costs?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("model-drift-and-retraining#what-drift-costs-the-business");
    assertThat(answer.markdown())
        .contains("- **Falling return on investment.**")
        .contains("- **Lost trust.**");
  }

  @Test
  void should_not_follow_a_pointer_to_a_section_that_answers_clearly_worse() {
    // the second step's closing pointer names the MLOps checklist, which scores 0.12 lower
    Answer answer =
        engine.answer(
            Question.of("do we have to buy an MLOps tool before we can start monitoring models?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo(
            "immediate-next-steps#second-step-plan-how-models-will-be-monitored-and-retrained");
  }

  @Test
  void should_say_it_keeps_no_vendor_prices_rather_than_answer_from_the_cost_sections() {
    for (String question :
        List.of(
            "how much is an H100 on AWS per hour at the moment?",
            "what's the current price per million tokens on Azure OpenAI",
            "can you recommend a laptop for running local models?",
            "is the discount AWS gave us better than the one from Google Cloud?")) {
      Answer answer = engine.answer(Question.of(question));

      assertThat(answer.answered()).as(question).isFalse();
      assertThat(answer.citations()).as(question).isEmpty();
      assertThat(answer.markdown()).as(question).contains("current prices");
    }
    for (String question :
        List.of(
            "our AWS GPU bill tripled after go-live, how do we bring it down?",
            "AWS prices keep going up, how do we cut our cloud costs?",
            "should we host the model on Azure or on our own servers?")) {
      assertThat(engine.answer(Question.of(question)).answered()).as(question).isTrue();
    }
  }

  @Test
  void should_refuse_trivia_about_who_runs_a_company_but_answer_who_owns_what() {
    Answer ceo = engine.answer(Question.of("who is the CEO of microsoft"));

    assertThat(ceo.answered()).isFalse();
    assertThat(ceo.markdown()).contains("people who run them");
    assertThat(engine.answer(Question.of("who is the owner of the customer table?")).answered())
        .isTrue();
  }

  @Test
  void should_say_who_owns_it_and_then_what_that_person_does() {
    Answer answer =
        engine.answer(
            Question.of(
                "who should own our AI product after launch, and what does that person actually"
                    + " do?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("product-mindset-for-ai#giving-an-ai-product-a-dedicated-owner");
    assertThat(answer.markdown())
        .contains("someone from the business area that benefits")
        .contains("- prioritises the backlog")
        .contains("- secures the running budget");
  }

  @Test
  void should_read_not_believing_the_tool_as_a_matter_of_trust() {
    Answer answer =
        engine.answer(
            Question.of(
                "staff dont believe the tool's recommendations, what can we change so they rely"
                    + " on it more"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#helping-people-trust-ai-outputs");
  }

  @Test
  void should_read_a_go_no_go_as_the_checklist_of_its_area() {
    Answer answer =
        engine.answer(Question.of("change mgmt go/no-go before we widen it to the next region?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#change-management-checklist-for-an-ai-rollout");
  }

  @Test
  void should_follow_a_quoted_list_with_the_sentence_that_closes_it() {
    // the threshold sits in the sentence after the example prompts, not in the list
    Answer answer =
        engine.answer(Question.of("how do we run an ADKAR survey and read where a team is stuck?"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo("adkar-for-ai-rollouts#scoring-adkar-and-finding-the-barrier-point");
    assertThat(answer.markdown())
        .contains("- Awareness:")
        .contains("The first element, in order, that scores 3 or lower is the barrier point.");
  }

  @Test
  void should_keep_a_symptom_section_that_routes_the_symptom_rather_than_a_far_weaker_link() {
    // the symptoms link the TCO worksheet for "who pays?", 0.40 below; the list's closing
    // sentences route a jumping bill to cost control and FinOps
    Answer answer =
        engine.answer(
            Question.of("our cloud bill doubled last month and nobody knows which team caused it"));

    assertThat(answer.citations().get(0).key())
        .isEqualTo(
            "infrastructure-and-cost-at-scale#how-infrastructure-and-cost-problems-show-up-in-day-to-day-work");
    assertThat(answer.markdown()).contains("A bill that jumps is brought back under control");
  }
}
