package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void should_turn_bold_bullets_and_citation_markers_into_slack_mrkdwn() {
    String markdown =
        "Watch **input drift** first [1]\n\n- Compare live data with training data [2]\n- Alert on"
            + " _big_ shifts [1]";

    String mrkdwn = Mrkdwn.fromMarkdown(markdown);

    assertThat(mrkdwn)
        .isEqualTo(
            "Watch *input drift* first [1]\n\n• Compare live data with training data [2]\n• Alert"
                + " on _big_ shifts [1]");
  }

  @Test
  void should_turn_headings_into_bold_lines_and_links_into_slack_links() {
    String mrkdwn = Mrkdwn.fromMarkdown("## Next steps\nRead [the guide](https://example.com/g).");

    assertThat(mrkdwn).isEqualTo("*Next steps*\n\nRead <https://example.com/g|the guide>.");
  }

  @Test
  void should_escape_slack_control_characters_in_text() {
    assertThat(Mrkdwn.fromMarkdown("cost < value & risk > 0"))
        .isEqualTo("cost &lt; value &amp; risk &gt; 0");
  }

  @Test
  void should_render_tables_as_bullets_and_numbered_lists_with_numbers() {
    String mrkdwn =
        Mrkdwn.fromMarkdown(
            "| Level | Meaning |\n|---|---|\n| 1 | Ad hoc |\n\n1. First\n2. Second");

    assertThat(mrkdwn).doesNotContain("|---").contains("*Level · Meaning*", "• 1 · Ad hoc");
    assertThat(mrkdwn).contains("1. First\n2. Second");
  }

  @Test
  void defused_markdown_keeps_its_words_but_opens_no_mention_and_keeps_prefixes() {
    String text = "Ask <@U1> or <!here> in <#C2|general>; 3 < 4 and <https://example.com>";
    String defused = Mrkdwn.defused(text);

    assertThat(defused)
        .doesNotContain("<@", "<!", "<#")
        .contains("3 < 4", "<https://example.com>")
        .isEqualTo(
            text.replace("<@", "<\u200B@").replace("<!", "<\u200B!").replace("<#", "<\u200B#"));
    for (int cut = 0; cut <= text.length(); cut++) {
      assertThat(defused).startsWith(Mrkdwn.defused(text.substring(0, cut)));
    }
  }
}
