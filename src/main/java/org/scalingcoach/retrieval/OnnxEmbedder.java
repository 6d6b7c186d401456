package org.scalingcoach.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small sentence-embedding model ({@link OnnxModel}), run in-process with ONNX: no network, no
 * GPU. Questions get the prefix the model was trained with.
 *
 * <p>Two sessions over the same model file. A question asked while no other is being embedded runs
 * on a session that spreads the inference over the cores (up to {@value #WIDE_THREADS}), so a lone
 * question is answered sooner; a question that arrives while another is running, and every batch,
 * runs on a session with one thread, so concurrent questions run side by side instead of contending
 * for the same cores. The wide session starts loading with the first question, so it never delays
 * the start; until it is there, every question runs on the narrow one. The most recent questions'
 * vectors are kept, because suggested prompts and follow-up buttons ask the same text again.
 */
public final class OnnxEmbedder implements Embedder {
  /** The model the coach runs unless {@code COACH_EMBEDDING_MODEL} names another. */
  public static final OnnxModel DEFAULT_MODEL = OnnxModel.ALL_MINILM_L6_V2_Q;

  private static final int RECENT_QUESTIONS = 512;

  /** The most threads one lone question's inference is spread over. */
  static final int WIDE_THREADS = 4;

  private static final int WIDTH =
      Math.min(WIDE_THREADS, Runtime.getRuntime().availableProcessors());

  private final OnnxModel choice;
  private final String queryPrefix;
  private final CompletableFuture<EmbeddingModel> model;
  private CompletableFuture<EmbeddingModel> wide; // guarded by this; made by the first question
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger wideInferences = new AtomicInteger();
  private final Map<String, float[]> recent =
      new LinkedHashMap<>(RECENT_QUESTIONS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > RECENT_QUESTIONS;
        }
      };

  /** The default model. */
  public OnnxEmbedder() {
    this(DEFAULT_MODEL);
  }

  /** {@code choice}, questions with the prefix it was trained with. */
  public OnnxEmbedder(OnnxModel choice) {
    this(choice, true);
  }

  /**
   * Starts loading the model on a thread of its own and returns at once. Loading (the ONNX file
   * read out of the jar, 23 MB for MiniLM and 34 MB for bge, an ONNX session, the tokenizer) is the
   * longest step of a start; it runs beside opening the database and loading the knowledge base,
   * which wait for it only to embed sections missing from the embedding cache.
   *
   * <p>{@code choice}, with or without its query prefix (to measure what it brings; passages are
   * embedded as written either way, so both share the cached passage vectors).
   */
  public OnnxEmbedder(OnnxModel choice, boolean prefixes) {
    this.choice = choice;
    this.queryPrefix = prefixes ? choice.queryPrefix() : "";
    this.model =
        CompletableFuture.supplyAsync(
            () -> new SessionModel(load(choice, 1)), daemon("embedding-model-load"));
  }

  /**
   * The wide session, whose loading starts with the first question: a process that answers one
   * question and exits (`ask`) starts as fast as before, and a server loads it while it answers its
   * first question on the narrow session.
   */
  private synchronized CompletableFuture<EmbeddingModel> wide() {
    if (wide == null) {
      wide =
          WIDTH < 2
              ? CompletableFuture.failedFuture(
                  new IllegalStateException("one core: no wide session"))
              : CompletableFuture.supplyAsync(
                  () -> new SessionModel(load(choice, WIDTH)), daemon("embedding-model-load-wide"));
    }
    return wide;
  }

  /** Runs each task on a daemon thread of its own named {@code name}: a load must not hold exit. */
  private static Executor daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  /** Waits until the model is loaded; a model that cannot be loaded fails here. */
  public void awaitLoaded() {
    loaded();
  }

  private EmbeddingModel loaded() {
    try {
      return model.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  @Override
  public String model() {
    return choice.id();
  }

  @Override
  public double calibrated(double similarity) {
    return choice.calibrated(similarity);
  }

  @Override
  public float[] embed(String text) {
    synchronized (recent) {
      float[] known = recent.get(text);
      if (known != null) {
        return known;
      }
    }
    float[] vector;
    boolean alone = running.incrementAndGet() == 1;
    try {
      EmbeddingModel session = alone ? wideIfLoaded() : loaded();
      vector = normalise(session.embed(queryPrefix + text).content().vector());
    } finally {
      running.decrementAndGet();
    }
    synchronized (recent) {
      recent.put(text, vector);
    }
    return vector;
  }

  /**
   * The wide session when it has loaded, else the narrow one (a wide session that failed to load
   * leaves the narrow one to do the work).
   */
  private EmbeddingModel wideIfLoaded() {
    EmbeddingModel narrow = loaded();
    CompletableFuture<EmbeddingModel> session = wide();
    if (!session.isDone() || session.isCompletedExceptionally()) {
      return narrow;
    }
    wideInferences.incrementAndGet();
    return session.join();
  }

  /** How many questions ran on the wide session (for the tests). */
  int wideInferences() {
    return wideInferences.get();
  }

  /** Starts loading the wide session and waits until it is there (for the tests). */
  void awaitWide() {
    loaded();
    try {
      wide().join();
    } catch (CompletionException e) {
      // one core: questions run on the narrow session
    }
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return loaded().embedAll(segments).content().stream()
        .map(Embedding::vector)
        .map(OnnxEmbedder::normalise)
        .toList();
  }

  static float[] normalise(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return vector;
    }
    float[] out = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] / norm);
    }
    return out;
  }

  /**
   * The model file shipped in langchain4j's jar, in a session that spreads an inference over {@code
   * threads} threads. The threads of a wide session wait for work without spinning, so they leave
   * the cores to the narrow session between inferences.
   */
  private static OnnxBertBiEncoder load(OnnxModel choice, int threads) {
    optOutOfTracking();
    ClassLoader jar = OnnxEmbedder.class.getClassLoader();
    try (InputStream modelBytes = jar.getResourceAsStream(choice.modelFile());
        InputStream tokenizer = jar.getResourceAsStream(choice.tokenizerFile())) {
      if (modelBytes == null || tokenizer == null) {
        throw new IllegalStateException(
            "the embedding model is missing from the classpath (" + choice.modelFile() + ")");
      }
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      if (threads > 1) {
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
      }
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      // Every question has its own token count, so a memory plan cached per input shape is never
      // reused, and the arena keeps the largest block any inference ever needed: both only grow
      // the resident memory of a long-running server. Allocating per inference costs little for
      // a model this small.
      options.setMemoryPatternOptimization(false);
      options.setCPUArenaAllocator(false);
      OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, choice.pooling());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model could not be loaded", e);
    }
  }

  /**
   * DJL's tokenizer "calls home" when it is created: on the loading thread it asks the EC2 metadata
   * address (169.254.169.254) for an instance id and region, then reports them. The coach promises
   * no network besides the chat platforms and the model provider, and outside AWS that request only
   * delays the start, so it is switched off unless an operator sets it themselves.
   */
  static void optOutOfTracking() {
    if (System.getenv("OPT_OUT_TRACKING") == null
        && System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  /** langchain4j's in-process model over one of our sessions; batches spread over the cores. */
  private static final class SessionModel extends AbstractInProcessEmbeddingModel {
    private static final ExecutorService BATCHES =
        Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            runnable -> {
              Thread thread = new Thread(runnable, "embedding-batch");
              thread.setDaemon(true);
              return thread;
            });

    private final OnnxBertBiEncoder encoder;

    SessionModel(OnnxBertBiEncoder encoder) {
      super(BATCHES);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }
}
