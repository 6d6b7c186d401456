package org.scalingcoach.conversation;

/** A verified delivery about to be stored; {@code key} is unique per platform and workspace. */
public record NewDelivery(String platform, String workspace, String key, String payload) {
  public NewDelivery {
    if (platform == null || platform.isBlank() || key == null || key.isBlank()) {
      throw new IllegalArgumentException("a delivery needs a platform and a key");
    }
    workspace = workspace == null ? "" : workspace;
  }
}
