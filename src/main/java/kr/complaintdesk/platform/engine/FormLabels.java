package kr.complaintdesk.platform.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The names staff read for the fields of the forms in {@code forms/}: a refusal says "반품 도착일: …", not the
 * variable's id. The first form (by file name) that labels a key names it; a trailing note in parentheses
 * ("(원)", "(날짜)") is left out.
 */
public final class FormLabels {

  private static final Map<String, String> LABELS = load();

  private FormLabels() {}

  /** The field's label, or the key itself when no form labels it. */
  public static String of(String key) {
    return LABELS.getOrDefault(key, key);
  }

  private static Map<String, String> load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> labels = new HashMap<>();
    try {
      Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
      Arrays.sort(forms, Comparator.comparing(Resource::getFilename));
      for (Resource form : forms) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in), labels);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' labels", e);
    }
    return Map.copyOf(labels);
  }

  private static void collect(JsonNode node, Map<String, String> labels) {
    for (JsonNode component : node.path("components")) {
      String key = component.path("key").asText("");
      String label = component.hasNonNull("label") ? component.path("label").asText() : component.path("dateLabel").asText("");
      label = label.replaceFirst("\\s*\\([^()]*\\)$", "").trim();
      if (!key.isEmpty() && !label.isEmpty()) {
        labels.putIfAbsent(key, label);
      }
      collect(component, labels);
    }
  }
}
