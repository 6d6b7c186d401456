package org.scalingcoach.retrieval;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.scalingcoach.knowledge.Synonyms;

/**
 * How a question is read: the knowledge base's synonyms and abbreviations applied, then stemmed
 * like the indexed text ({@link EnglishTerms}), so "infra" finds "infrastructure".
 */
final class QueryAnalysis {
  /** "IT" in capitals, the department: the uncased embedder would read it as the pronoun. */
  private static final Pattern IT = Pattern.compile("\\bIT\\b");

  private final SynonymMap synonyms;
  private final Analyzer stemmed;
  private final Analyzer surface;

  QueryAnalysis(Synonyms rules) {
    this.synonyms = parse(rules);
    this.stemmed = new EnglishTerms(synonyms);
    this.surface =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(
                source, withSynonyms(new LowerCaseFilter(new EnglishPossessiveFilter(source))));
          }
        };
  }

  private TokenStream withSynonyms(TokenStream stream) {
    return synonyms == null ? stream : new SynonymGraphFilter(stream, synonyms, true);
  }

  private static SynonymMap parse(Synonyms rules) {
    if (rules.rules().isEmpty()) {
      return null;
    }
    SolrSynonymParser parser = new SolrSynonymParser(true, true, new StandardAnalyzer());
    try {
      parser.parse(new StringReader(String.join("\n", rules.rules())));
      return parser.build();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("synonyms cannot be read: " + e.getMessage(), e);
    }
  }

  /** The stemmed, stop-word-free terms of a question, synonyms included, without duplicates. */
  List<String> terms(String question) {
    return new ArrayList<>(collect(stemmed, question));
  }

  /**
   * Each two stemmed terms that stand next to each other in the question, synonyms read as the
   * words they stand for; a stop word between two words parts them, as it does in the index.
   */
  List<List<String>> pairs(String question) {
    List<List<String>> out = new ArrayList<>();
    try (TokenStream stream = stemmed.tokenStream("body", question)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute step = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      String previous = null;
      while (stream.incrementToken()) {
        String current = term.toString();
        if (step.getPositionIncrement() == 1 && previous != null) {
          out.add(List.of(previous, current));
        }
        if (step.getPositionIncrement() > 0) {
          previous = current;
        }
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The question with its abbreviations spelled out, for the embedder, and the department IT
   * glossed "(IT team)"; or the question itself when neither applies.
   */
  String expanded(String question) {
    if (IT.matcher(question).find()) {
      question = question + " (IT team)";
    }
    if (synonyms == null) {
      return question;
    }
    Set<String> words = collect(surface, question);
    Set<String> plain = collect(new StandardAnalyzer(), question);
    List<String> added = words.stream().filter(w -> !plain.contains(w)).toList();
    return added.isEmpty() ? question : question + " (" + String.join(" ", added) + ")";
  }

  private static Set<String> collect(Analyzer analyzer, String text) {
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
    return terms;
  }
}
