package org.scalingcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  @Test
  void should_show_changed_lines_with_their_numbers_and_collapse_far_unchanged_ones() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    String after = "a\nb\nc\nd\ne\nf\ng\nH\ni\n";

    List<TextDiff.Line> diff = TextDiff.between(before, after);

    assertThat(diff.get(0).kind()).isEqualTo(TextDiff.Kind.GAP);
    assertThat(diff)
        .contains(
            new TextDiff.Line(TextDiff.Kind.REMOVED, 8, 0, "h"),
            new TextDiff.Line(TextDiff.Kind.ADDED, 0, 8, "H"),
            new TextDiff.Line(TextDiff.Kind.SAME, 9, 9, "i"));
    assertThat(diff).noneMatch(l -> l.text().equals("a"));
  }

  @Test
  void should_show_nothing_for_equal_texts() {
    assertThat(TextDiff.between("same\n", "same\n")).isEmpty();
  }
}
