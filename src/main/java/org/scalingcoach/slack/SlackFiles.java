package org.scalingcoach.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.scalingcoach.delivery.ProcessorSlots;

/**
 * Uploads files to a conversation the way Slack asks for now: {@code files.getUploadURLExternal}
 * per file, the bytes to the returned URL, then one {@code files.completeUploadExternal}.
 */
final class SlackFiles {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One file to upload. */
  record Upload(String filename, String title, byte[] bytes) {}

  private final SlackWebApi slack;

  SlackFiles(SlackWebApi slack) {
    this.slack = slack;
  }

  /** Shares {@code files} in {@code channel}, with {@code comment} above them. */
  void share(String channel, String comment, List<Upload> files) {
    List<FileDetails> details = new ArrayList<>();
    for (Upload file : files) {
      var target =
          slack.call(
              "files.getUploadURLExternal",
              client ->
                  client.filesGetUploadURLExternal(
                      r -> r.filename(file.filename()).length(file.bytes().length)));
      upload(target.getUploadUrl(), file);
      details.add(FileDetails.builder().id(target.getFileId()).title(file.title()).build());
    }
    slack.call(
        "files.completeUploadExternal",
        client ->
            client.filesCompleteUploadExternal(
                r -> r.files(details).channelId(channel).initialComment(comment)));
  }

  /** The upload step, tried again with a growing pause when the connection drops or 5xx. */
  private void upload(String url, Upload file) {
    for (int attempt = 1; ; attempt++) {
      try {
        post(url, file);
        return;
      } catch (SlackCallFailed e) {
        boolean transientFailure =
            e.getCause() instanceof IOException || e.error().startsWith("HTTP 5");
        if (!transientFailure || !slack.retry().another(attempt)) {
          throw e;
        }
        slack.backOff("file upload", e.error(), attempt);
      }
    }
  }

  private static void post(String url, Upload file) {
    try {
      HttpResponse<Void> response =
          ProcessorSlots.<HttpResponse<Void>, IOException, InterruptedException>whileWaiting(
              () ->
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(url))
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/octet-stream")
                          .POST(HttpRequest.BodyPublishers.ofByteArray(file.bytes()))
                          .build(),
                      HttpResponse.BodyHandlers.discarding()));
      if (response.statusCode() / 100 != 2) {
        throw new SlackCallFailed("file upload", "HTTP " + response.statusCode(), null);
      }
    } catch (IOException e) {
      throw new SlackCallFailed("file upload", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallFailed("file upload", "interrupted", e);
    }
  }
}
