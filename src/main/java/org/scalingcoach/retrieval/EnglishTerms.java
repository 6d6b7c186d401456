package org.scalingcoach.retrieval;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * {@link EnglishAnalyzer}'s chain (possessives, lower case, stop words, Porter stems), with two
 * additions: the capitalised acronym "IT" is kept as a term of its own before lower-casing would
 * make it the stop word "it" ("who should own the data, IT or the business?"), and questions may be
 * read with the knowledge base's synonyms. The same chain indexes the sections and reads the
 * questions, so both sides agree on every term.
 */
final class EnglishTerms extends Analyzer {
  /** The term "IT" (the department) is indexed as; no English word stems to it. */
  static final String IT_DEPARTMENT = "itdepartment";

  private static final Pattern IT = Pattern.compile("\\bIT\\b");

  private final SynonymMap synonyms;

  /** The chain without synonyms: how the knowledge files are indexed. */
  EnglishTerms() {
    this(null);
  }

  EnglishTerms(SynonymMap synonyms) {
    this.synonyms = synonyms;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PatternReplaceCharFilter(IT, IT_DEPARTMENT, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String field) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    if (synonyms != null) {
      stream = new SynonymGraphFilter(stream, synonyms, true);
    }
    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }
}
