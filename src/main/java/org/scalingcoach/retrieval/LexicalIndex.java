package org.scalingcoach.retrieval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.IOUtils;
import org.scalingcoach.knowledge.Section;
import org.scalingcoach.knowledge.Synonyms;

/**
 * BM25 over sections with English stemming and stop words, held in memory. Questions are read with
 * the knowledge base's synonyms, and misspelt words are corrected against the words the sections
 * use.
 */
final class LexicalIndex {
  /** Surface words of every section, unstemmed: the vocabulary spelling is corrected against. */
  private static final String WORDS = "words";

  /** Words shorter than this are left alone: too many short words are one edit apart. */
  private static final int MIN_CORRECTED_LENGTH = 4;

  private static final String[][] FIELDS = {
    {"heading", "2.0"},
    {"title", "1.2"},
    {"tags", "1.2"},
    {"body", "1.0"},
    {"asked", "1.0"}
  };

  /**
   * The terms of function words (pronouns, auxiliaries, question words, prepositions: the Snowball
   * project's English stop list) that the indexing chain keeps. They are indexed, so that term
   * coverage and spelling see every word, but not searched: with them, the way a question is asked
   * ("what do we", "how should we", "before") matched the sections written as questions ("Questions
   * to ask before ...") rather than what it asks about. "own" stays a search term: here it is the
   * verb of ownership, not the determiner.
   */
  private static final Set<String> FUNCTION_WORDS = functionWords();

  private static Set<String> functionWords() {
    try (Reader list =
        IOUtils.getDecodingReader(
            SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
      Set<String> stems = new HashSet<>();
      try (Analyzer chain = new EnglishTerms()) {
        for (Object word : WordlistLoader.getSnowballWordSet(list)) {
          String text = new String((char[]) word);
          if (!text.equals("own")) {
            stems.addAll(termsOf(chain, text));
          }
        }
      }
      return Set.copyOf(stems);
    } catch (IOException e) {
      throw new UncheckedIOException("the English stop word list is part of Lucene", e);
    }
  }

  /** A section position in the list the index was built from, with its BM25 score. */
  record Match(int section, double score) {}

  private final Analyzer analyzer = new EnglishTerms();
  private final QueryAnalysis queries;
  private final Set<String> synonymWords;
  private final IndexSearcher searcher;
  private final DirectoryReader reader;
  private final DirectSpellChecker spelling = spellChecker();

  /**
   * Rarity and spelling corrections already looked up in this index, which never changes: a term's
   * rarity is asked for again with every section it is weighed in, and a spelling search builds an
   * automaton each time. Between them they were a quarter of an answer's processor time. Bounded,
   * since question words come from users; when full, they are forgotten and looked up again.
   */
  private final Map<String, Double> rarities = new ConcurrentHashMap<>();

  private final Map<String, Optional<String>> corrections = new ConcurrentHashMap<>();
  static final int REMEMBERED_WORDS = 20_000;

  LexicalIndex(List<Section> sections) {
    this(sections, Synonyms.NONE);
  }

  LexicalIndex(List<Section> sections, Synonyms synonyms) {
    this.queries = new QueryAnalysis(synonyms);
    this.synonymWords = new java.util.HashSet<>();
    for (String rule : synonyms.rules()) {
      for (String word : rule.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        synonymWords.add(word);
      }
    }
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Analyzer perField =
        new PerFieldAnalyzerWrapper(analyzer, java.util.Map.of(WORDS, new StandardAnalyzer()));
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
      for (int i = 0; i < sections.size(); i++) {
        Section section = sections.get(i);
        Document document = new Document();
        document.add(new StoredField("position", i));
        document.add(new TextField("heading", section.heading(), Field.Store.NO));
        document.add(new TextField("title", section.documentTitle(), Field.Store.NO));
        document.add(new TextField("tags", String.join(" ", section.tags()), Field.Store.NO));
        document.add(new TextField("body", section.text(), Field.Store.NO));
        document.add(new TextField("asked", String.join(" ", section.asked()), Field.Store.NO));
        document.add(
            new TextField(
                WORDS,
                section.heading() + " " + section.text() + " " + section.documentTitle(),
                Field.Store.NO));
        writer.addDocument(document);
      }
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the search index", e);
    }
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index", e);
    }
    searcher = new IndexSearcher(reader);
  }

  private static DirectSpellChecker spellChecker() {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(1);
    checker.setMinQueryLength(MIN_CORRECTED_LENGTH);
    return checker;
  }

  /** The terms a question is searched with: stemmed, with synonyms and abbreviations expanded. */
  List<String> queryTerms(String question) {
    return queries.terms(question);
  }

  /** The question with abbreviations spelled out, for the embedder. */
  String expanded(String question) {
    return queries.expanded(question);
  }

  /**
   * The question with each word the knowledge base does not use replaced by a word it does use that
   * differs by a typing slip: two swapped letters ("modle drfit" becomes "model drift"), or, in
   * longer words, one letter missing or doubled. A different letter is not corrected: it too often
   * makes another real word ("scaring" is not "scaling"). Nor is a word changed into another form
   * of itself ("difference" into "differences"): both are searched as the same term already.
   */
  String corrected(String question) {
    StringBuilder out = new StringBuilder();
    int copied = 0;
    try (TokenStream stream = new StandardAnalyzer().tokenStream(WORDS, question)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        String word = term.toString();
        String better = rememberedCorrection(word);
        if (better != null) {
          out.append(question, copied, offset.startOffset()).append(better);
          copied = offset.endOffset();
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copied == 0 ? question : out.append(question.substring(copied)).toString();
  }

  private String rememberedCorrection(String word) throws IOException {
    Optional<String> known = corrections.get(word);
    if (known == null) {
      known = Optional.ofNullable(correction(word));
      remember(corrections, word, known);
    }
    return known.orElse(null);
  }

  private static <V> void remember(Map<String, V> memory, String word, V value) {
    if (memory.size() >= REMEMBERED_WORDS) {
      memory.clear();
    }
    memory.put(word, value);
  }

  private String correction(String word) throws IOException {
    if (word.length() < MIN_CORRECTED_LENGTH
        || !word.chars().allMatch(Character::isLetter)
        || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
        || synonymWords.contains(word)
        || reader.docFreq(new Term(WORDS, word)) > 0) {
      return null;
    }
    SuggestWord[] suggestions =
        spelling.suggestSimilar(
            new Term(WORDS, word), 5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    for (SuggestWord suggestion : suggestions) {
      if (typingSlip(word, suggestion.string) && !terms(word).equals(terms(suggestion.string))) {
        return suggestion.string;
      }
    }
    return null;
  }

  /** Whether {@code typed} is {@code meant} with two adjacent letters swapped, or one dropped. */
  static boolean typingSlip(String typed, String meant) {
    if (typed.length() == meant.length()) {
      int first = 0;
      while (first < typed.length() && typed.charAt(first) == meant.charAt(first)) {
        first++;
      }
      return first + 1 < typed.length()
          && typed.charAt(first) == meant.charAt(first + 1)
          && typed.charAt(first + 1) == meant.charAt(first)
          && typed.substring(first + 2).equals(meant.substring(first + 2));
    }
    String shorter = typed.length() < meant.length() ? typed : meant;
    String longer = shorter == typed ? meant : typed;
    if (longer.length() != shorter.length() + 1 || shorter.length() < 6) {
      return false;
    }
    for (int i = 0; i < longer.length(); i++) {
      if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
        return true;
      }
    }
    return false;
  }

  /** The analysed (stemmed, stop-word-free) terms of {@code text}, without duplicates. */
  List<String> terms(String text) {
    return termsOf(analyzer, text);
  }

  private static List<String> termsOf(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(terms);
  }

  /**
   * The share of {@code terms} that occur somewhere in the indexed bodies or headings, each term
   * weighted by its rarity, so that a question's unusual words (a name, "payroll") weigh most.
   */
  double coverage(List<String> terms) {
    if (terms.isEmpty()) {
      return 0;
    }
    double known = 0;
    double total = 0;
    try {
      for (String term : terms) {
        int df =
            Math.max(
                reader.docFreq(new Term("body", term)), reader.docFreq(new Term("heading", term)));
        double weight = idf(df);
        total += weight;
        if (df > 0) {
          known += weight;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return known / total;
  }

  private double idf(int df) {
    return Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
  }

  /** How rare {@code term} is among sections: rare terms say more about what is asked. */
  double idf(String term) {
    Double known = rarities.get(term);
    if (known != null) {
      return known;
    }
    try {
      double rarity = idf(reader.docFreq(new Term("body", term)));
      remember(rarities, term, rarity);
      return rarity;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How much a pair of the question's words found side by side in a heading or body counts, against
   * 1 for a word found anywhere. Employees' phrases ("people side", "launch week", "response
   * times") say more than their words apart; chosen on the tuning parts (0.5 and 0.75 were worse
   * there).
   */
  private static final float PHRASE_BOOST = 0.3f;

  /** The question's adjacent term pairs, for {@link #search(List, List, int)}. */
  List<List<String>> pairs(String question) {
    return queries.pairs(question);
  }

  List<Match> search(List<String> terms, int limit) {
    return search(terms, List.of(), limit);
  }

  /**
   * The best {@code limit} sections by BM25 over {@code terms} (function words left out), each of
   * {@code pairs} whose words are both searched adding a phrase match in heading and body.
   */
  List<Match> search(List<String> terms, List<List<String>> pairs, int limit) {
    List<String> searched = terms.stream().filter(t -> !FUNCTION_WORDS.contains(t)).toList();
    if (searched.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (List<String> pair : pairs) {
      if (FUNCTION_WORDS.contains(pair.get(0)) || FUNCTION_WORDS.contains(pair.get(1))) {
        continue;
      }
      for (String field : new String[] {"heading", "body"}) {
        query.add(
            new BoostQuery(new PhraseQuery(field, pair.get(0), pair.get(1)), PHRASE_BOOST),
            BooleanClause.Occur.SHOULD);
      }
    }
    for (String term : searched) {
      for (String[] field : FIELDS) {
        query.add(
            new BoostQuery(new TermQuery(new Term(field[0], term)), Float.parseFloat(field[1])),
            BooleanClause.Occur.SHOULD);
      }
    }
    try {
      List<Match> matches = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
        int position =
            searcher
                .storedFields()
                .document(hit.doc)
                .getField("position")
                .numericValue()
                .intValue();
        matches.add(new Match(position, hit.score));
      }
      return matches;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
  }
}
