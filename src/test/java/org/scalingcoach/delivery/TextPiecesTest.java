package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPiecesTest {

  @Test
  void a_short_text_is_one_piece_and_an_empty_one_none() {
    assertThat(TextPieces.split("a,b\n1,2\n", 100)).containsExactly("a,b\n1,2\n");
    assertThat(TextPieces.split("", 100)).isEmpty();
  }

  @Test
  void a_long_text_is_cut_after_the_last_paragraph_break_that_fits_before_a_line_break() {
    String text = "one two\n\nthree\nfour five";

    List<String> pieces = TextPieces.split(text, 16);

    assertThat(pieces).containsExactly("one two\n\n", "three\nfour five");
  }

  @Test
  void without_breaks_it_is_cut_at_a_space_and_without_spaces_at_the_limit() {
    assertThat(TextPieces.split("alpha beta gamma", 12)).containsExactly("alpha beta ", "gamma");
    assertThat(TextPieces.split("x".repeat(25), 10))
        .containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
  }

  @Test
  void the_pieces_are_the_text_exactly_and_none_is_too_long() {
    String text = ("a line of a report, with commas\n".repeat(40) + "\n").repeat(5);

    List<String> pieces = TextPieces.split(text, 500);

    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(500));
  }
}
