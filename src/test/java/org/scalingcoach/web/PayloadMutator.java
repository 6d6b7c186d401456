package org.scalingcoach.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutates real payload shapes the way a hostile or broken client would: wrong JSON types, missing
 * fields, huge values, chat control sequences and text that tries to forge log lines.
 */
public final class PayloadMutator {
  /** A value that would start a fake log line if it reached the log unescaped. */
  public static final String FORGED =
      "x\n08:00:00.000 ERROR [main] o.s.web.ServeCommand - FORGED LINE\r\n\0";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> STRINGS =
      List.of(
          FORGED,
          "<!channel> <!here> <!subteam^S0123|admins> <@U0BOSS> <#C0GENERAL>",
          "",
          " ",
          "99999999999999999999",
          "-1",
          "1:2:3:4:5",
          "abc:def",
          "::",
          "audit_answer_1",
          "%00%0a",
          "\u202eevil",
          "\uD83D\uDE00".repeat(50),
          "null");

  private final Random random;

  public PayloadMutator(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A copy of {@code json} with one to three random mutations. */
  public String mutateJson(String json) {
    JsonNode root = read(json);
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      List<Slot> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        break;
      }
      mutate(pick(slots));
    }
    return root.toString();
  }

  /** A copy of a form body: a field dropped, or a value replaced by something odd. */
  public String mutateForm(Map<String, String> fields) {
    Map<String, String> copy = new java.util.LinkedHashMap<>(fields);
    List<String> keys = new ArrayList<>(copy.keySet());
    String key = pick(keys);
    switch (random.nextInt(4)) {
      case 0 -> copy.remove(key);
      case 1 -> copy.put(key, oddString());
      case 2 -> copy.put(key, copy.get(key) + oddString());
      default -> copy.put(key, mutateValue(copy.get(key)));
    }
    return encode(copy);
  }

  private String mutateValue(String value) {
    if (value != null && (value.startsWith("{") || value.startsWith("["))) {
      return mutateJson(value);
    }
    return oddString();
  }

  public String oddString() {
    if (random.nextInt(20) == 0) {
      return "a".repeat(5_000 + random.nextInt(200_000));
    }
    return pick(STRINGS);
  }

  /** The fields of a form-encoded body, in order. */
  public static Map<String, String> decode(String form) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          java.net.URLDecoder.decode(
              pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
          java.net.URLDecoder.decode(
              pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return fields;
  }

  public static String encode(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (out.length() > 0) {
            out.append('&');
          }
          out.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
              .append('=')
              .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        });
    return out.toString();
  }

  private record Slot(JsonNode parent, String field, int index) {}

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      object
          .fieldNames()
          .forEachRemaining(
              name -> {
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        slots.add(new Slot(array, null, i));
        collect(array.get(i), slots);
      }
    }
  }

  private void mutate(Slot slot) {
    JsonNode replacement =
        switch (random.nextInt(9)) {
          case 0 -> JSON.nullNode();
          case 1 -> JSON.createObjectNode().put("text", oddString());
          case 2 -> JSON.createArrayNode().add(oddString());
          case 3 -> JSON.getNodeFactory().numberNode(random.nextLong());
          case 4 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
          case 5 -> null; // remove
          default -> JSON.getNodeFactory().textNode(oddString());
        };
    if (slot.parent() instanceof ObjectNode object) {
      if (replacement == null) {
        object.remove(slot.field());
      } else {
        object.set(slot.field(), replacement);
      }
    } else if (slot.parent() instanceof ArrayNode array && slot.index() < array.size()) {
      if (replacement == null) {
        array.remove(slot.index());
      } else {
        array.set(slot.index(), replacement);
      }
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
