package org.scalingcoach.teams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The preview Teams shows in notifications and the chat list for a message that is only a card: the
 * card's first line of text, plain and short. Without it the preview is empty.
 */
final class CardSummary {
  private static final int MAX_LENGTH = 120;

  private CardSummary() {}

  static String of(JsonNode card) {
    String text = firstText(card.path("body"));
    if (text == null) {
      return "Scaling Coach";
    }
    String plain =
        text.replaceAll("\\[\\d+]", "")
            .replaceAll("[*_`#>]", "")
            .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
            .replaceAll("\\s+", " ")
            .strip();
    if (plain.length() <= MAX_LENGTH) {
      return plain.isEmpty() ? "Scaling Coach" : plain;
    }
    int cut = plain.lastIndexOf(' ', MAX_LENGTH - 1);
    return plain.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
  }

  private static String firstText(JsonNode elements) {
    for (JsonNode element : elements) {
      if ("TextBlock".equals(element.path("type").asText())
          && !element.path("text").asText().isBlank()) {
        return element.path("text").asText();
      }
      for (String container : new String[] {"items", "columns", "body"}) {
        String inside = firstText(element.path(container));
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }
}
