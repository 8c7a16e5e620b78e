package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.OFFER_LINES;
import static kr.complaintdesk.casefile.CaseVariables.REMEDY;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The lines of an offer, as the offer forms' dynamic list submits them in the {@code offerLines} variable (Json):
 * each line a remedy with its amount (money) or the value of the goods, what the customer receives, and the rule
 * that suggested it. A case's offer is often several lines (an exchange and treatment costs; a refund, re-sourcing
 * and a gift); approval is decided on the total, and compensation fulfils each line on its own.
 */
public final class OfferLines {

  public static final int MAX_LINES = 10;
  /** The single amount of an offer made before offers had lines. */
  public static final String LEGACY_OFFER_AMOUNT = "offerAmount";
  public static final long MAX_AMOUNT_KRW = 100_000_000;
  static final int MAX_TEXT = 500;
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private OfferLines() {}

  /**
   * One line of an offer.
   *
   * @param amountKrw money paid or credited, or the value of the goods sent (they count towards approval)
   * @param description what the customer receives, in the words staff told them
   * @param basis the rule the policy table named for a suggested line; null for a line staff added
   */
  public record Line(Remedy remedy, long amountKrw, String description, String basis) {

    /** "교환 35,000원 (같은 색상으로 새 제품 발송)". */
    public String summary() {
      return remedy.label() + " " + String.format("%,d원", amountKrw)
          + (description == null || description.isBlank() ? "" : " (" + description + ")");
    }
  }

  /**
   * A line the policy table suggested: its amount is null where the table leaves it to staff, and its basis names
   * the rule.
   */
  public record Suggestion(Remedy remedy, Long amountKrw, String description, String basis) {}

  /** The suggestions as the Json variable the offer forms start from (lines without an amount ask for one). */
  public static JsonValue suggestionsValue(List<Suggestion> suggestions) {
    ArrayNode array = JSON.createArrayNode();
    for (Suggestion suggestion : suggestions) {
      ObjectNode node = array.addObject().put("remedy", suggestion.remedy().name());
      if (suggestion.amountKrw() != null) {
        node.put("amountKrw", suggestion.amountKrw());
      }
      if (suggestion.description() != null) {
        node.put("description", suggestion.description());
      }
      if (suggestion.basis() != null) {
        node.put("basis", suggestion.basis());
      }
    }
    return SpinValues.jsonValue(array.toString()).create();
  }

  /** The suggestions in variable {@code name}; none when it is not set. */
  public static List<Suggestion> suggestions(VariableScope scope, String name) {
    TypedValue value = scope.getVariableTyped(name, true);
    if (value == null || value.getValue() == null) {
      return List.of();
    }
    try {
      List<Suggestion> suggestions = new ArrayList<>();
      for (JsonNode node : JSON.readTree(value.getValue().toString())) {
        JsonNode amount = node.get("amountKrw");
        suggestions.add(new Suggestion(Remedy.valueOf(node.path("remedy").asText()),
            amount == null || amount.isNull() ? null : amount.asLong(), text(node, "description"), text(node, "basis")));
      }
      return suggestions;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("Suggested offer lines in " + name + " cannot be read", e);
    }
  }

  /**
   * The lines in {@code offerLines}; none when it is not set. Refused when they are not a valid offer. A case whose
   * offer was made by a model from before offers had lines carries a single {@code remedy} and {@code offerAmount},
   * which make one line.
   */
  public static List<Line> of(VariableScope scope) {
    TypedValue value = scope.getVariableTyped(OFFER_LINES, true);
    if (value == null || value.getValue() == null) {
      Object remedy = scope.hasVariable(OFFER_LINES) ? null : scope.getVariable(REMEDY);
      if (remedy == null) {
        return List.of();
      }
      Remedy single = Remedy.valueOf(remedy.toString());
      Object amount = scope.getVariable(LEGACY_OFFER_AMOUNT);
      return List.of(new Line(single, amount instanceof Number n ? n.longValue() : 0, single.label(), null));
    }
    // A Json variable's value is Spin's node, whose text is the JSON; a client may also send the JSON as a string.
    return parse(value.getValue().toString());
  }

  /** How many lines the offer forms hold, as fixed rows {@code line1Remedy}, {@code line1AmountKrw}, {@code line1Description}, … */
  public static final int FORM_LINES = 5;

  /** Whether the offer was entered in the offer forms' rows (rather than as {@code offerLines} by an API client). */
  public static boolean enteredInForm(VariableScope scope) {
    return scope.hasVariable(formField(1, "Remedy"));
  }

  /**
   * The lines of the offer forms' rows, up to the first row without a remedy (a form shows the next row only once
   * the one before has a remedy); rows after it left over from an earlier round are cleared. Refused, naming the
   * row, when a row is not a valid line.
   */
  public static List<Line> fromForm(VariableScope scope) {
    List<Line> lines = new ArrayList<>();
    boolean ended = false;
    for (int row = 1; row <= FORM_LINES; row++) {
      Object remedy = scope.getVariable(formField(row, "Remedy"));
      if (ended || remedy == null || remedy.toString().isBlank()) {
        ended = true;
        for (String field : List.of("Remedy", "AmountKrw", "Description")) {
          if (scope.hasVariable(formField(row, field))) {
            scope.setVariable(formField(row, field), null);
          }
        }
        continue;
      }
      ObjectNode node = JSON.createObjectNode().put("remedy", remedy.toString());
      Object amount = scope.getVariable(formField(row, "AmountKrw"));
      if (amount instanceof Number n) {
        node.put("amountKrw", n.doubleValue());
      }
      Object description = scope.getVariable(formField(row, "Description"));
      if (description != null) {
        node.put("description", description.toString());
      }
      lines.add(line(node, row));
    }
    return List.copyOf(lines);
  }

  private static String formField(int row, String field) {
    return "line" + row + field;
  }

  /** Reads and checks lines from JSON text; the refusal names the line and the field. */
  public static List<Line> parse(String json) {
    JsonNode tree;
    try {
      tree = json == null ? null : JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw Refusal.badInput(OFFER_LINES, "항목 목록을 읽을 수 없습니다");
    }
    if (tree == null || !tree.isArray()) {
      throw Refusal.badInput(OFFER_LINES, "항목 목록이 필요합니다");
    }
    if (tree.size() > MAX_LINES) {
      throw Refusal.badInput(OFFER_LINES, "항목은 " + MAX_LINES + "개까지입니다");
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      lines.add(line(tree.get(i), i + 1));
    }
    return List.copyOf(lines);
  }

  private static Line line(JsonNode node, int number) {
    String where = number + "번째 항목의 ";
    if (!node.isObject()) {
      throw Refusal.badInput(OFFER_LINES, number + "번째 항목을 읽을 수 없습니다");
    }
    String remedyName = text(node, "remedy");
    Remedy remedy;
    try {
      remedy = Remedy.valueOf(remedyName == null ? "" : remedyName);
    } catch (IllegalArgumentException e) {
      throw Refusal.badInput(OFFER_LINES, where + "해결안을 고르세요");
    }
    JsonNode amount = node.get("amountKrw");
    if (amount == null || amount.isNull() || !amount.isNumber()) {
      throw Refusal.badInput(OFFER_LINES, where + "금액(원)을 적으세요 (보상 없음이면 0)");
    }
    double won = amount.asDouble();
    if (won < 0 || won > MAX_AMOUNT_KRW || won != Math.rint(won)) {
      throw Refusal.badInput(OFFER_LINES, where + "금액은 0원부터 " + String.format("%,d", MAX_AMOUNT_KRW) + "원까지의 정수입니다");
    }
    String description = text(node, "description");
    if (remedy.goods() && (description == null || description.isBlank())) {
      throw Refusal.badInput(OFFER_LINES, where + "보낼 물품을 적으세요");
    }
    String basis = text(node, "basis");
    if (description != null && description.length() > MAX_TEXT || basis != null && basis.length() > MAX_TEXT * 2) {
      throw Refusal.badInput(OFFER_LINES, where + "내용이 너무 깁니다 (" + MAX_TEXT + "자까지)");
    }
    return new Line(remedy, (long) won, description, basis);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText().strip();
  }

  /** The lines as the Json variable the forms read and submit. */
  public static JsonValue value(List<Line> lines) {
    ArrayNode array = JSON.createArrayNode();
    for (Line line : lines) {
      ObjectNode node = array.addObject().put("remedy", line.remedy().name()).put("amountKrw", line.amountKrw());
      if (line.description() != null) {
        node.put("description", line.description());
      }
      if (line.basis() != null) {
        node.put("basis", line.basis());
      }
    }
    return SpinValues.jsonValue(array.toString()).create();
  }

  /** The total value of an offer: money, credit and goods at their value. */
  public static long total(List<Line> lines) {
    return lines.stream().mapToLong(Line::amountKrw).sum();
  }

  /** The lines in one line of text for the timeline: "교환 35,000원 (…) + 배상금 (치료비·경비·일실소득) 130,000원". */
  public static String summary(List<Line> lines) {
    return lines.stream().map(Line::summary).collect(Collectors.joining(" + "));
  }

  /** The lines as the forms show them to the approver and the agent recording the answer: one numbered line each, with its basis and the total. */
  public static String listing(List<Line> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      text.append(i + 1).append(". ").append(line.summary());
      if (line.basis() != null) {
        text.append("\n   근거: ").append(line.basis());
      }
      text.append('\n');
    }
    return text.append(String.format("합계 %,d원 (물품은 가액)", total(lines))).toString();
  }
}
