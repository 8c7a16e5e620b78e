package kr.complaintdesk.triage;

import static kr.complaintdesk.casefile.CaseVariables.*;
import static kr.complaintdesk.triage.TriageComplaintDelegate.yesNo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.casefile.CaseCategory;
import kr.complaintdesk.casefile.CasePriority;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Staff corrected the category or the harm of an open case: the triage decision runs again on the corrected facts
 * (the case's other facts as they are) and the case takes its category, harm and routing. The priority only rises:
 * a case keeps what triage, a raised threat or an earlier correction made it, and the work already promised at that
 * priority stays there. A case that rises is raised as a threat raises it, its called processes and open tasks with
 * it; the new category reaches them all, whatever the priority. The first-response deadline is not moved; the
 * timeline shows before and after, who and why.
 */
@Component("reclassifyComplaint")
class ReclassifyComplaintDelegate implements JavaDelegate {

  /** The routing triage decides, as the decision table labels it; a correction takes it as decided. */
  static final Map<String, String> ROUTING = routing();

  private static final Logger LOG = LoggerFactory.getLogger(ReclassifyComplaintDelegate.class);

  private final TriageDecision triage;
  private final CaseRecords cases;
  private final CasePriority priorities;
  private final CaseCategory categories;
  private final Timeline timeline;

  ReclassifyComplaintDelegate(TriageDecision triage, CaseRecords cases, CasePriority priorities,
      CaseCategory categories, Timeline timeline) {
    this.triage = triage;
    this.cases = cases;
    this.priorities = priorities;
    this.categories = categories;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Category category = Category.valueOf(string(execution, CORRECTED_CATEGORY));
    boolean harm = isTrue(execution, CORRECTED_HARM);
    String note = string(execution, RECLASSIFICATION_NOTE);
    String actor = string(execution, RECLASSIFIED_BY);
    List<String> changes = new ArrayList<>();
    change(changes, "불만 유형", categoryName(string(execution, CATEGORY)), categoryName(category.name()));
    change(changes, "신체 피해", yesNo(isTrue(execution, HARM)), yesNo(harm));

    Decisions.Outcome outcome = triage.decide(execution, category.name(), harm);
    Map<String, Object> result = outcome.single();
    String before = string(execution, PRIORITY);
    String decided = (String) result.get(PRIORITY);
    String priority = CasePriority.higher(before, decided);

    categories.change(caseNumber, category.name());
    execution.setVariable(HARM, harm);
    ROUTING.forEach((name, label) -> {
      change(changes, label, yesNo(isTrue(execution, name)), yesNo(Boolean.TRUE.equals(result.get(name))));
      execution.setVariable(name, result.get(name));
    });
    // An alert already raised (a public post, a threat) stays raised.
    execution.setVariable(PR_RISK_ALERT, isTrue(execution, PR_RISK_ALERT) || Boolean.TRUE.equals(result.get(PR_RISK_ALERT)));
    execution.setVariable(TRIAGE_DECISION, outcome.reference());
    List.of(CORRECTED_CATEGORY, CORRECTED_HARM, RECLASSIFICATION_NOTE, RECLASSIFIED_BY).forEach(execution::removeVariable);
    cases.reclassify(caseNumber, category.name());
    if (!priority.equals(before)) {
      priorities.raise(caseNumber, priority);
      changes.add("우선순위 " + before + " → " + priority);
    } else {
      changes.add("우선순위 " + before + " 그대로" + (decided.equals(before) ? "" : " (다시 분류한 결과 " + decided + ", 낮추지 않음)"));
    }
    timeline.record(caseNumber, Timeline.Kind.DECISION, actor != null ? actor : CurrentUser.of(execution),
        "분류 정정: " + String.join(", ", changes) + " (" + outcome.reference() + ")", note);
    LOG.info("Case {} reclassified by {}: {} -> {}", caseNumber, outcome.reference(), before, priority);
  }

  private static void change(List<String> changes, String what, String before, String after) {
    if (!after.equals(before)) {
      changes.add(what + " " + before + " → " + after);
    }
  }

  private static String categoryName(String category) {
    return category == null ? null : FormLabels.option(CATEGORY, category);
  }

  private static Map<String, String> routing() {
    Map<String, String> routing = new LinkedHashMap<>();
    routing.put(NEEDS_SAFETY_LAB, "안전성 Lab 검토");
    routing.put(NEEDS_QUALITY, "품질 검사");
    routing.put(NEEDS_LOGISTICS, "물류 조사");
    routing.put(VISIT_OFFERED, "방문 케어 제안");
    return routing;
  }
}
