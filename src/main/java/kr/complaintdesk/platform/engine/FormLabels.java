package kr.complaintdesk.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The names staff read for the fields of the forms in {@code forms/} and for the options of their selections: a
 * refusal says "반품 도착일: …", not the variable's id, and Tasklist's case panel shows "전화", not {@code PHONE}.
 * The first form (by file name) that labels a key names it and its options; a trailing note in parentheses
 * ("(원)", "(날짜)") is left out of a field's name.
 */
public final class FormLabels {

  private static final Map<String, String> LABELS;
  private static final Map<String, Map<String, String>> OPTIONS;

  static {
    Map<String, String> labels = new HashMap<>();
    Map<String, Map<String, String>> options = new HashMap<>();
    load(labels, options);
    LABELS = Map.copyOf(labels);
    OPTIONS = Map.copyOf(options);
  }

  private FormLabels() {}

  /** The field's label, or the key itself when no form labels it. */
  public static String of(String key) {
    return LABELS.getOrDefault(key, key);
  }

  /** Every labelled field, key to name. */
  public static Map<String, String> fields() {
    return LABELS;
  }

  /** The options of every selection, key to (value to name), in the order the form lists them. */
  public static Map<String, Map<String, String>> options() {
    return OPTIONS;
  }

  /** The name of one option of a field ({@code category}, {@code HEALTH_HARM}), or the value itself when no form offers it. */
  public static String option(String key, String value) {
    return OPTIONS.getOrDefault(key, Map.of()).getOrDefault(value, value);
  }

  private static void load(Map<String, String> labels, Map<String, Map<String, String>> options) {
    ObjectMapper json = new ObjectMapper();
    try {
      Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
      Arrays.sort(forms, Comparator.comparing(Resource::getFilename));
      for (Resource form : forms) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in), labels, options);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' labels", e);
    }
  }

  private static void collect(JsonNode node, Map<String, String> labels, Map<String, Map<String, String>> options) {
    for (JsonNode component : node.path("components")) {
      // A dynamic list (an offer's lines) is named by its path, its fields by their keys.
      String key = component.path("key").asText(component.path("path").asText(""));
      String label = component.hasNonNull("label") ? component.path("label").asText() : component.path("dateLabel").asText("");
      label = label.replaceFirst("\\s*\\([^()]*\\)$", "").trim();
      if (!key.isEmpty() && !label.isEmpty()) {
        labels.putIfAbsent(key, label);
      }
      if (!key.isEmpty() && component.path("values").size() > 0 && !options.containsKey(key)) {
        Map<String, String> named = new LinkedHashMap<>();
        component.path("values").forEach(option -> named.put(option.path("value").asText(), option.path("label").asText()));
        options.put(key, Collections.unmodifiableMap(named));
      }
      collect(component, labels, options);
    }
  }
}
