package kr.complaintdesk.platform.webapp;

import static kr.complaintdesk.support.WebappFiles.APP;
import static kr.complaintdesk.support.WebappFiles.bundledJson;
import static kr.complaintdesk.support.WebappFiles.ours;
import static kr.complaintdesk.support.WebappFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Korean for every label of Camunda's webapps. The webjar ships {@code en.json} per app; ours adds {@code ko.json}
 * at the same path. A Camunda upgrade that brings new labels fails here instead of showing staff English (or the
 * bare label key) in a Korean screen.
 */
class WebappTranslationsTest {


  /** Labels that read the same in Korean: product names, abbreviations and symbols. */
  static final Set<String> SAME_IN_KOREAN = Set.of("", "camunda", "admin", "cockpit", "tasklist", "optimize",
      "camunda cockpit", "id", "id*", "csv", "json", "yyyy-mm-ddthh:mm:ss", "<", "<=", ">", ">=", "<null>",
      "<undefined>");
  /** Camunda's variable types, named as its variable forms and Cockpit list them. */
  static final Set<String> TYPE_NAME_LABELS = Set.of("BOOLEAN", "DATE", "DOUBLE", "INTEGER", "LONG", "SHORT",
      "STRING");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");
  static final Pattern MOMENT_TOKEN = Pattern.compile("%[sd]");
  /** HTML the labels use (links, emphasis, line breaks); {@code <version>} or {@code <null>} are words to translate. */
  static final Pattern MARKUP = Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^<>]*>");

  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyEnglishLabelHasItsKorean(String app) throws IOException {
    String path = APP + app + "/locales/";
    byte[] koreanFile = read(ours(path + "ko.json")
        .orElseGet(() -> fail("%s has no Korean: src/main/resources/%sko.json is missing", app, path)));
    JsonNode english = bundledJson(path + "en.json");
    JsonNode korean = json.readTree(koreanFile);

    List<String> problems = new ArrayList<>();
    if (koreanFile.length >= 3 && (koreanFile[0] & 0xFF) == 0xEF && (koreanFile[1] & 0xFF) == 0xBB
        && (koreanFile[2] & 0xFF) == 0xBF) {
      problems.add("ko.json starts with a byte order mark; write it as UTF-8 without one");
    }
    compare("", english, korean, problems);
    System.out.printf("%s: English %d labels, Korean %d; date locale entries: English %d, Korean %d; problems %d%n",
        app, english.path("labels").size(), korean.path("labels").size(), leaves(english.path("dateLocales")),
        leaves(korean.path("dateLocales")), problems.size());

    assertThat(problems).as("%s/locales/ko.json against the webjar's en.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void everyAppOffersKoreanFirst(String app) throws IOException {
    String config = new String(read(ours(APP + app + "/scripts/config.js")
        .orElseGet(() -> fail("%s has no config.js of ours", app))), StandardCharsets.UTF_8);

    assertThat(config).containsPattern("fallbackLocale:\\s*'ko'")
        .containsPattern("availableLocales:\\s*\\['ko', 'en']")
        .contains("from '../../complaint-desk-locales.js'");
    assertThat(ours(APP + "complaint-desk-locales.js")).as("the module every config.js imports").isPresent();
  }

  /** Every key of {@code english} in {@code korean}, each value keeping the placeholders and markup it has. */
  private static void compare(String path, JsonNode english, JsonNode korean, List<String> problems) {
    if (english.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = english.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        JsonNode translated = korean.get(field.getKey());
        if (translated == null) {
          problems.add("missing " + at + " (English: " + field.getValue() + ")");
        } else {
          compare(at, field.getValue(), translated, problems);
        }
      }
    } else if (english.isArray()) {
      if (!korean.isArray() || korean.size() != english.size()) {
        problems.add(path + " has " + english.size() + " entries in English, Korean has " + korean);
        return;
      }
      for (int i = 0; i < english.size(); i++) {
        compare(path + "[" + i + "]", english.get(i), korean.get(i), problems);
      }
    } else if (english.isTextual()) {
      String en = english.asText();
      String ko = korean.asText();
      for (Pattern kept : List.of(PLACEHOLDER, MOMENT_TOKEN, MARKUP)) {
        for (String token : missing(kept, en, ko)) {
          problems.add(path + " lost " + token + ": \"" + ko + "\" (English: \"" + en + "\")");
        }
      }
      if (path.startsWith("labels.") && stillEnglish(path.substring("labels.".length()), en, ko)) {
        problems.add(path + " is still English: \"" + en + "\"");
      }
    } else if (!korean.getNodeType().equals(english.getNodeType())) {
      problems.add(path + " is " + english + " in English but " + korean + " in Korean");
    }
  }

  private static boolean stillEnglish(String key, String en, String ko) {
    String same = en.strip().toLowerCase(Locale.ROOT);
    return same.equals(ko.strip().toLowerCase(Locale.ROOT)) && !SAME_IN_KOREAN.contains(same)
        && !TYPE_NAME_LABELS.contains(key);
  }

  /** What {@code pattern} finds in {@code en} more often than in {@code ko}; placeholders compare by name. */
  private static List<String> missing(Pattern pattern, String en, String ko) {
    List<String> inKorean = matches(pattern, ko);
    List<String> lost = new ArrayList<>();
    for (String token : matches(pattern, en)) {
      if (!inKorean.remove(token)) {
        lost.add(token);
      }
    }
    return lost;
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(pattern == PLACEHOLDER ? "{{" + matcher.group(1) + "}}" : matcher.group());
    }
    return found;
  }

  private static int leaves(JsonNode node) {
    if (!node.isContainerNode()) {
      return node.isMissingNode() ? 0 : 1;
    }
    int count = 0;
    for (JsonNode child : node) {
      count += leaves(child);
    }
    return count;
  }
}
