package org.scalingcoach.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void should_name_the_language_of_a_question_that_is_not_english() {
    assertThat(Languages.nonEnglish("Wie erkennen wir, dass unser Modell veraltet ist?"))
        .contains("de");
    assertThat(Languages.nonEnglish("Comment savoir si notre modèle est dépassé ?")).contains("fr");
    assertThat(Languages.nonEnglish("¿Cómo sabemos si el modelo está fallando?")).contains("es");
    assertThat(Languages.nonEnglish("Как понять, что модель устарела?")).contains("ru");
    assertThat(Languages.nonEnglish("モデルのドリフトを検出する方法")).contains("ja");
  }

  @Test
  void should_take_english_questions_with_foreign_words_as_english() {
    assertThat(Languages.nonEnglish("how do we detect model drift?")).isEmpty();
    assertThat(Languages.nonEnglish("do we need the Betriebsrat on board for the rollout?"))
        .isEmpty();
    assertThat(Languages.nonEnglish("MLOps")).isEmpty();
  }
}
