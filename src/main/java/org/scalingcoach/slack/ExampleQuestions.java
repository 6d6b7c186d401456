package org.scalingcoach.slack;

import java.util.List;

/** Questions offered to new users on the App Home and in the assistant panel. */
final class ExampleQuestions {
  static final List<String> ALL =
      List.of(
          "How do we know our model is drifting?",
          "What should we check in our data before scaling?",
          "How do we get employees to actually use the AI tool?",
          "What costs do teams forget when they move AI to production?");

  private ExampleQuestions() {}
}
