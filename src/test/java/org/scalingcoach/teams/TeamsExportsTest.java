package org.scalingcoach.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsExportsTest {

  @Test
  void should_split_a_long_export_at_line_breaks_below_the_message_limit() {
    String line = "x".repeat(99) + "\n";
    String text = line.repeat(300); // 30,000 characters

    List<String> parts = TeamsExports.parts(text);

    assertThat(parts).hasSize(3);
    assertThat(parts)
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(TeamsExports.MAX_CHARS));
    assertThat(parts).allSatisfy(p -> assertThat(p).endsWith("\n"));
    assertThat(String.join("", parts)).isEqualTo(text);
  }

  @Test
  void should_keep_a_short_export_in_one_message() {
    assertThat(TeamsExports.parts("a,b\n1,2\n")).containsExactly("a,b\n1,2\n");
  }
}
