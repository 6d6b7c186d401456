package org.scalingcoach.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePreviewTest {

  /** Records what the platform was asked to show; may refuse from a given call on. */
  private static final class Recording implements LivePreview.Screen {
    final List<String> calls = new ArrayList<>();
    boolean appendOnly;
    int failFrom = Integer.MAX_VALUE;

    @Override
    public void open(String text) {
      record("open " + text);
    }

    @Override
    public void grow(String shown, String text) {
      record("grow " + shown + " -> " + text);
    }

    @Override
    public boolean appendOnly() {
      return appendOnly;
    }

    private void record(String call) {
      if (calls.size() >= failFrom) {
        throw new IllegalStateException("refused");
      }
      calls.add(call);
    }
  }

  private final Recording screen = new Recording();

  @Test
  void every_new_text_is_shown_when_the_interval_allows_and_the_same_text_is_not_shown_twice() {
    LivePreview preview = new LivePreview(screen, Duration.ZERO, "C1");
    preview.accept("One");
    preview.accept("One");
    preview.accept("One two");

    assertThat(screen.calls).containsExactly("open One", "grow One -> One two");
  }

  @Test
  void within_the_interval_only_the_first_words_are_shown_and_the_final_reply_sees_them() {
    LivePreview preview = new LivePreview(screen, Duration.ofHours(1), "C1");
    preview.accept("One");
    preview.accept("One two");
    preview.accept("One two three");

    assertThat(screen.calls).containsExactly("open One");
    assertThat(preview.<String>finish(shown -> "final over " + shown)).isEqualTo("final over One");
  }

  @Test
  void an_append_only_screen_stops_when_the_text_rewrites_what_it_shows() {
    screen.appendOnly = true;
    LivePreview preview = new LivePreview(screen, Duration.ZERO, "C1");
    preview.accept("Draft");
    preview.accept("Rewritten");
    preview.accept("Rewritten and more");

    assertThat(screen.calls).containsExactly("open Draft");
    assertThat(preview.<String>finish(shown -> shown)).isEqualTo("Draft");
  }

  @Test
  void the_first_failure_stops_the_preview_and_nothing_is_shown_after_the_final_reply() {
    screen.failFrom = 1;
    LivePreview preview = new LivePreview(screen, Duration.ZERO, "C1");
    preview.accept("One");
    preview.accept("One two");
    preview.accept("One two three");
    assertThat(screen.calls).containsExactly("open One");

    LivePreview finished = new LivePreview(new Recording(), Duration.ZERO, "C2");
    assertThat(finished.<String>finish(shown -> shown == null ? "nothing shown" : shown))
        .isEqualTo("nothing shown");
    finished.accept("too late");
    assertThat(finished.<String>finish(shown -> shown == null ? "nothing shown" : shown))
        .isEqualTo("nothing shown");
  }
}
