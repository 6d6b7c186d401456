package org.scalingcoach.web.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes values put in the console's links, so a question with {@code &} or {@code #} survives.
 */
public final class Url {
  private Url() {}

  public static String param(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  public static String param(long value) {
    return Long.toString(value);
  }
}
