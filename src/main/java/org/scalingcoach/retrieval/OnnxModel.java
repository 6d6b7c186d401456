package org.scalingcoach.retrieval;

import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The in-process embedding models the coach can run: each one's ONNX file and tokenizer as
 * langchain4j's model jars ship them, how its token vectors become one vector, and the prefixes the
 * model was trained with for questions (passages are embedded as written).
 */
public enum OnnxModel {
  /** sentence-transformers' all-MiniLM-L6-v2, quantised: symmetric, no prefixes. */
  ALL_MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q",
      "all-minilm-l6-v2-q.onnx",
      "all-minilm-l6-v2-q-tokenizer.json",
      PoolingMode.MEAN,
      "",
      0,
      1),
  /** BAAI's bge-small-en-v1.5, quantised: the first token's vector, an instruction for queries. */
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v1.5-q",
      "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json",
      PoolingMode.CLS,
      "Represent this sentence for searching relevant passages: ",
      -0.8562,
      1.9467);

  private final String id;
  private final String modelFile;
  private final String tokenizerFile;
  private final PoolingMode pooling;
  private final String queryPrefix;
  private final double offset;
  private final double scale;

  OnnxModel(
      String id,
      String modelFile,
      String tokenizerFile,
      PoolingMode pooling,
      String queryPrefix,
      double offset,
      double scale) {
    this.id = id;
    this.modelFile = modelFile;
    this.tokenizerFile = tokenizerFile;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.offset = offset;
    this.scale = scale;
  }

  /**
   * {@code similarity} on all-MiniLM-L6-v2's scale: {@code offset + scale × similarity}, the line
   * that gives the tuning questions' best similarities the mean and spread they have with
   * all-MiniLM-L6-v2 ({@code bench.ScopeCalibration} measures it).
   */
  public double calibrated(double similarity) {
    return offset + scale * similarity;
  }

  /** The name passage vectors are cached under, so vectors of two models are never mixed. */
  public String id() {
    return id;
  }

  public String modelFile() {
    return modelFile;
  }

  public String tokenizerFile() {
    return tokenizerFile;
  }

  public PoolingMode pooling() {
    return pooling;
  }

  public String queryPrefix() {
    return queryPrefix;
  }

  /** Whether this model's files are on the classpath (bge only in a jar built with -Pbge). */
  public boolean available() {
    return OnnxModel.class.getClassLoader().getResource(modelFile) != null;
  }

  /** The model whose id is {@code name}, in any case. */
  public static OnnxModel named(String name) {
    for (OnnxModel model : values()) {
      if (model.id.equalsIgnoreCase(name.strip())) {
        return model;
      }
    }
    throw new IllegalArgumentException(
        "unknown embedding model "
            + name
            + "; known: "
            + java.util.Arrays.stream(values()).map(OnnxModel::id).toList());
  }
}
