package kr.complaintdesk.triage;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed {@code complaint-triage} decision and copies each of its outputs into a
 * case variable of the same name, where gateways, forms and Tasklist filters use it. The decision and
 * its version go on the case timeline.
 */
@Component("triageComplaint")
public class TriageComplaintDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "complaint-triage";
  public static final List<String> OUTPUTS = List.of(PRIORITY, FIRST_RESPONSE_HOURS, NEEDS_SAFETY_LAB,
      NEEDS_QUALITY, NEEDS_LOGISTICS, VISIT_OFFERED, PR_RISK_ALERT);
  private static final Logger LOG = LoggerFactory.getLogger(TriageComplaintDelegate.class);

  private final TriageDecision triage;
  private final CaseRecords cases;
  private final Timeline timeline;
  private final BusinessCalendar calendar;

  TriageComplaintDelegate(TriageDecision triage, CaseRecords cases, Timeline timeline, BusinessCalendar calendar) {
    this.triage = triage;
    this.cases = cases;
    this.timeline = timeline;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = string(execution, CASE_NUMBER);
    Object customerId = execution.getVariable(CUSTOMER_ID);
    boolean repeat = customerId != null && cases.ofCustomer(customerId.toString()).size() > 1;
    execution.setVariable(REPEAT_COMPLAINANT, repeat);
    Decisions.Outcome outcome = triage.decide(execution, execution.getVariable(CATEGORY), execution.getVariable(HARM));
    Map<String, Object> result = outcome.single();
    for (String output : OUTPUTS) {
      execution.setVariable(output, result.get(output));
    }
    execution.setVariable(TRIAGE_DECISION, outcome.reference());
    // One due moment for the first contact: the task's due date in Tasklist and the SLA timer.
    execution.setVariable(FIRST_RESPONSE_DUE, calendar.addBusinessHours(ClockUtil.getCurrentTime(),
        (Number) result.get(FIRST_RESPONSE_HOURS)));
    timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.SYSTEM, "분류: " + result.get(PRIORITY)
        + ", 1차 응대 " + result.get(FIRST_RESPONSE_HOURS) + "영업시간 (" + outcome.reference() + ")", explained(result));
    LOG.info("Case {} triaged by {}: {}", caseNumber, outcome.reference(), result.get(PRIORITY));
  }

  /** What the decision asked for, as staff read it on the timeline: "원인 분석: 품질팀 · 방문 케어 제안: 아니요 · …". */
  static String explained(Map<String, Object> result) {
    List<String> analyses = new ArrayList<>();
    if (Boolean.TRUE.equals(result.get(NEEDS_SAFETY_LAB))) {
      analyses.add("안전성 Lab");
    }
    if (Boolean.TRUE.equals(result.get(NEEDS_QUALITY))) {
      analyses.add("품질팀");
    }
    if (Boolean.TRUE.equals(result.get(NEEDS_LOGISTICS))) {
      analyses.add("물류팀");
    }
    return "원인 분석: " + (analyses.isEmpty() ? "없음" : String.join(", ", analyses))
        + " · 방문 케어 제안: " + yesNo(result.get(VISIT_OFFERED))
        + " · 홍보·리스크 알림: " + yesNo(result.get(PR_RISK_ALERT));
  }

  /** Yes or no as the timeline says it, here and in a correction's before and after. */
  static String yesNo(Object value) {
    return Boolean.TRUE.equals(value) ? "예" : "아니요";
  }
}
