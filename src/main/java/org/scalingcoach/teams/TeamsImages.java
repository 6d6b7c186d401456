package org.scalingcoach.teams;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Pictures for cards: Teams shows images inline only as data URIs small enough for a message. */
final class TeamsImages {
  /** Teams refuses messages over about 28 KB, so the chart is shrunk to fit well below that. */
  static final int MAX_CHART_BYTES = 16_000;

  private TeamsImages() {}

  /** A chart ready for a card: its data URI and how many pixels wide it is. */
  record Chart(String uri, int pixelWidth) {}

  /**
   * The chart as a data URI, as drawn when it fits in a Teams message, else shrunk until it does;
   * empty if it cannot.
   */
  static java.util.Optional<Chart> dataUri(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        return java.util.Optional.empty();
      }
      byte[] candidate = png;
      for (int width = image.getWidth(); width >= 240; width -= 80) {
        if (width != image.getWidth()) {
          candidate = scaled(image, width);
        }
        if (candidate.length <= MAX_CHART_BYTES) {
          return java.util.Optional.of(
              new Chart(
                  "data:image/png;base64," + Base64.getEncoder().encodeToString(candidate), width));
        }
      }
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.empty();
  }

  private static byte[] scaled(BufferedImage image, int width) throws IOException {
    int height = image.getHeight() * width / image.getWidth();
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "png", out);
    return out.toByteArray();
  }
}
