package org.scalingcoach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TeamsPackageCommandTest {
  private static final String APP_ID = "6a7c2e48-0d21-4c5f-9b8e-3f1d2a9c7e10";

  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new CoachCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private static Map<String, byte[]> unzip(Path zip) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      var e = file.entries();
      while (e.hasMoreElements()) {
        var entry = e.nextElement();
        entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void should_write_a_package_with_a_manifest_for_the_bot_and_both_icons() throws Exception {
    Path zip = dir.resolve("coach-teams.zip");

    int exit =
        run(new StringWriter(), "teams-package", "--app-id", APP_ID, "--out", zip.toString());

    assertThat(exit).isZero();
    Map<String, byte[]> entries = unzip(zip);
    assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
    JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.17");
    assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
    assertThat(manifest.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
    assertThat(manifest.path("bots").get(0).path("scopes").toString())
        .contains("personal", "team", "groupChat");
    assertThat(manifest.path("description").path("short").asText().length())
        .isLessThanOrEqualTo(80);
    BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
  }

  @Test
  void should_draw_the_outline_icon_white_on_transparent_as_teams_requires() throws Exception {
    Path zip = dir.resolve("coach-teams.zip");
    run(new StringWriter(), "teams-package", "--app-id", APP_ID, "--out", zip.toString());

    BufferedImage outline = ImageIO.read(new ByteArrayInputStream(unzip(zip).get("outline.png")));
    boolean anyOpaque = false;
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha > 0) {
          anyOpaque = true;
          assertThat(argb & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
      }
    }
    assertThat(anyOpaque).isTrue();
    assertThat(outline.getRGB(0, 0) >>> 24).isZero();
  }

  @Test
  void should_refuse_an_app_id_that_is_not_a_guid() {
    StringWriter err = new StringWriter();

    int exit =
        run(err, "teams-package", "--app-id", "my-bot", "--out", dir.resolve("x.zip").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Microsoft App ID");
    assertThat(dir.resolve("x.zip")).doesNotExist();
  }
}
