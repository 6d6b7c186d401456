package org.scalingcoach.answer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether a question is written in a language other than English, from its script and its
 * most common words. Good enough to answer honestly ("I answer in English for now") and to count
 * demand per language; not a general language identifier.
 */
public final class Languages {
  private static final Set<String> ENGLISH =
      Set.of(
          "the", "and", "is", "are", "what", "how", "do", "we", "our", "to", "of", "in", "for",
          "should", "can", "with", "who", "it", "that", "this", "why", "when", "does", "a", "an",
          "you", "my", "i", "get", "have", "about", "which", "on");

  private static final Map<String, Set<String>> OTHERS = new LinkedHashMap<>();

  static {
    OTHERS.put(
        "de",
        Set.of(
            "der",
            "die",
            "das",
            "und",
            "ist",
            "wie",
            "wir",
            "unser",
            "unsere",
            "unseren",
            "nicht",
            "ein",
            "eine",
            "einen",
            "mit",
            "für",
            "wer",
            "sollte",
            "sollten",
            "können",
            "was",
            "warum",
            "wann",
            "ich",
            "den",
            "dem",
            "zu",
            "auf",
            "von",
            "bei",
            "erkennen",
            "daten",
            "modell",
            "wird",
            "werden",
            "sich",
            "oder",
            "auch",
            "mein",
            "meine"));
    OTHERS.put(
        "fr",
        Set.of(
            "le",
            "la",
            "les",
            "et",
            "est",
            "comment",
            "nous",
            "notre",
            "nos",
            "pas",
            "une",
            "des",
            "du",
            "pour",
            "avec",
            "qui",
            "quoi",
            "pourquoi",
            "quand",
            "je",
            "que",
            "dans",
            "sur",
            "données",
            "modèle",
            "faut",
            "il",
            "elle",
            "quel",
            "quelle",
            "mon",
            "ma",
            "ce",
            "cette",
            "sont",
            "peut",
            "faire",
            "au",
            "aux",
            "l'ia"));
    OTHERS.put(
        "es",
        Set.of(
            "el",
            "los",
            "las",
            "y",
            "es",
            "cómo",
            "como",
            "nosotros",
            "nuestro",
            "nuestra",
            "nuestros",
            "una",
            "un",
            "para",
            "con",
            "quién",
            "qué",
            "por",
            "cuándo",
            "datos",
            "modelo",
            "del",
            "se",
            "debemos",
            "podemos",
            "hacer",
            "mi",
            "está",
            "son",
            "lo"));
    OTHERS.put(
        "it",
        Set.of(
            "il",
            "lo",
            "gli",
            "è",
            "come",
            "noi",
            "nostro",
            "nostra",
            "non",
            "una",
            "per",
            "con",
            "chi",
            "che",
            "perché",
            "quando",
            "dati",
            "della",
            "del",
            "dobbiamo",
            "possiamo",
            "sono",
            "questo",
            "modello"));
    OTHERS.put(
        "nl",
        Set.of(
            "het",
            "en",
            "hoe",
            "wij",
            "onze",
            "niet",
            "een",
            "voor",
            "met",
            "wie",
            "wat",
            "waarom",
            "wanneer",
            "gegevens",
            "moeten",
            "kunnen",
            "ons",
            "van",
            "zijn",
            "dat"));
    OTHERS.put(
        "pt",
        Set.of(
            "os", "é", "como", "nós", "nosso", "nossa", "não", "uma", "um", "para", "com", "quem",
            "que", "por", "quando", "dados", "modelo", "devemos", "podemos", "fazer", "meu",
            "minha", "são", "isso"));
  }

  private Languages() {}

  /** The ISO 639-1 code of the question's language when it is not English. */
  public static Optional<String> nonEnglish(String text) {
    Optional<String> script = script(text);
    if (script.isPresent()) {
      return script;
    }
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
    int english = 0;
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String word : words) {
      if (ENGLISH.contains(word)) {
        english++;
      }
      OTHERS.forEach(
          (language, common) -> {
            if (common.contains(word)) {
              counts.merge(language, 1, Integer::sum);
            }
          });
    }
    int englishWords = english;
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getValue() > englishWords)
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey);
  }

  /** A language told by its script, when most letters are not Latin. */
  private static Optional<String> script(String text) {
    Map<String, Integer> scripts = new LinkedHashMap<>();
    int letters = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetter(c)) {
        continue;
      }
      letters++;
      String code =
          switch (Character.UnicodeScript.of(c)) {
            case LATIN -> null;
            case CYRILLIC -> "ru";
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case ARABIC -> "ar";
            case GREEK -> "el";
            case HEBREW -> "he";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            default -> "other";
          };
      if (code != null) {
        scripts.merge(code, 1, Integer::sum);
      }
    }
    int nonLatin = scripts.values().stream().mapToInt(Integer::intValue).sum();
    if (letters == 0 || nonLatin * 2 < letters) {
      return Optional.empty();
    }
    if (scripts.containsKey("ja")) {
      return Optional.of("ja"); // Japanese mixes kana with Han characters
    }
    return scripts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }
}
