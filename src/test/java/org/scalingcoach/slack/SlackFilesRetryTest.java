package org.scalingcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uploads survive a dropped connection or a 5xx from Slack; other failures are not hidden. */
class SlackFilesRetryTest {
  private final FakeSlack fake = FakeSlack.start();
  private final List<Duration> pauses = new ArrayList<>();
  private final SlackFiles files;

  SlackFilesRetryTest() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    files = new SlackFiles(new SlackWebApi(Slack.getInstance(config), "xoxb-1-test", pauses::add));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private void shareOneFile() {
    files.share(
        "D0ADA",
        "Exports",
        List.of(
            new SlackFiles.Upload(
                "report.md", "Report", "# Report".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void a_dropped_upload_and_a_5xx_from_slack_are_retried_with_growing_pauses() {
    fake.scriptNext("files.getUploadURLExternal", 503, Map.of(), "busy");
    fake.scriptNext("upload", FakeSlack.DROP_CONNECTION, Map.of(), "");
    fake.scriptNext("upload", 502, Map.of(), "bad gateway");
    fake.scriptNext("files.completeUploadExternal", FakeSlack.DROP_CONNECTION, Map.of(), "");

    shareOneFile();

    assertThat(fake.calls("upload")).hasSize(3);
    assertThat(fake.calls("files.completeUploadExternal")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(pauses)
        .startsWith(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void an_upload_that_keeps_failing_gives_up_after_four_attempts() {
    for (int i = 0; i < 4; i++) {
      fake.scriptNext("upload", FakeSlack.DROP_CONNECTION, Map.of(), "");
    }

    assertThatThrownBy(this::shareOneFile).isInstanceOf(SlackCallFailed.class);
    assertThat(fake.calls("upload")).hasSize(4);
    assertThat(fake.calls("files.completeUploadExternal")).isEmpty();
  }

  @Test
  void a_refusal_from_slack_is_not_retried() {
    fake.scriptNext(
        "files.getUploadURLExternal", 200, Map.of(), "{\"ok\":false,\"error\":\"missing_scope\"}");

    assertThatThrownBy(this::shareOneFile).isInstanceOf(SlackCallFailed.class);
    assertThat(fake.calls("files.getUploadURLExternal")).hasSize(1);
    assertThat(pauses).isEmpty();
  }
}
