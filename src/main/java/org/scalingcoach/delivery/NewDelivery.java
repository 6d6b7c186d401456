package org.scalingcoach.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A verified delivery about to be stored; {@code key} is unique per platform and workspace. */
public record NewDelivery(String platform, String workspace, String key, String payload) {
  public NewDelivery {
    if (platform == null || platform.isBlank() || key == null || key.isBlank()) {
      throw new IllegalArgumentException("a delivery needs a platform and a key");
    }
    workspace = workspace == null ? "" : workspace;
  }

  /**
   * A key for a delivery the platform gave no id to: {@code prefix} and a hash of what arrived, so
   * the same request delivered again is the same delivery.
   */
  public static String hashedKey(String prefix, String content) {
    try {
      return prefix
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
