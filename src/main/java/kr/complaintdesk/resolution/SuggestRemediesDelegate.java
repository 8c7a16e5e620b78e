package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Suggestion;
import kr.complaintdesk.casefile.Remedy;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Looks up the offer lines the {@code compensation-policy} decision suggests for the case, each with its amount,
 * what is delivered and the rule it rests on, for the offer forms; the agent builds the offer from them and may add
 * another remedy but must say why.
 */
@Component("suggestRemedies")
public class SuggestRemediesDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "compensation-policy";
  private final Decisions decisions;
  private final Timeline timeline;

  public SuggestRemediesDelegate(Decisions decisions, Timeline timeline) {
    this.decisions = decisions;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableMap inputs = CompensationFacts.inputs(execution, EngineClock.today());
    Decisions.Outcome outcome = decisions.evaluateLatest(DECISION_KEY, inputs);
    Set<String> remedies = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    List<Suggestion> suggestions = new ArrayList<>();
    NumberFormat won = NumberFormat.getIntegerInstance(Locale.KOREA);
    for (Map<String, Object> row : outcome.rows()) {
      String remedy = String.valueOf(row.get("remedy"));
      remedies.add(remedy);
      Object amount = row.get("amountKrw");
      if (amount instanceof Number n && n.doubleValue() == 0 && !Remedy.APOLOGY.name().equals(remedy)) {
        // Nothing to compute from (no order or goods value, no receipts yet): the amount is left to staff.
        amount = null;
      }
      String label = Remedy.valueOf(remedy).label();
      Object description = row.get("description");
      suggestions.add(new Suggestion(Remedy.valueOf(remedy), amount instanceof Number n ? Math.round(n.doubleValue()) : null,
          description == null ? null : description.toString(), row.get("basis") == null ? null : row.get("basis").toString()));
      lines.add("• " + label + (amount instanceof Number n ? " " + won.format(Math.round(n.doubleValue())) + "원" : "")
          + (description == null ? "" : " (" + description + ")") + " — " + row.get("basis"));
    }
    String text = lines.isEmpty() ? "보상 기준에 맞는 제안이 없습니다. 사실관계에 맞게 정하고 이유를 적어 주세요." : String.join("\n", lines);
    // The lines themselves: an offer line of a suggested remedy takes its basis, and differing from its amount needs a reason.
    execution.setVariable(SUGGESTED_LINES, OfferLines.suggestionsValue(suggestions));
    execution.setVariable(REMEDY_SUGGESTIONS, text + "\n(" + outcome.reference() + ")");
    timeline.record(string(execution, CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.SYSTEM,
        "보상 기준 제안: " + (remedies.isEmpty() ? "없음"
            : remedies.stream().map(r -> Remedy.valueOf(r).label()).collect(Collectors.joining(", ")))
            + " (" + outcome.reference() + ")", text);
  }
}
