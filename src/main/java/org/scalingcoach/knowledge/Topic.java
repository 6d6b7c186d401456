package org.scalingcoach.knowledge;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The five subjects the knowledge base is organised by; a document belongs to exactly one. */
public enum Topic {
  DATA_GOVERNANCE("data-governance", "Data governance at scale"),
  MODEL_RETRAINING("model-retraining", "Continuous model retraining (MLOps)"),
  CHANGE_MANAGEMENT("change-management", "Change management and user adoption"),
  INFRASTRUCTURE_COST("infrastructure-cost", "Infrastructure and cost"),
  SCALING_STRATEGY("scaling-strategy", "Scaling strategy and next steps");

  private final String id;
  private final String label;

  Topic(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The identifier used in front matter and JSON, e.g. {@code data-governance}. */
  public String id() {
    return id;
  }

  /** A human-readable name for menus and messages. */
  public String label() {
    return label;
  }

  public static Optional<Topic> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  public static String allIds() {
    return Arrays.stream(values()).map(Topic::id).collect(Collectors.joining(", "));
  }
}
