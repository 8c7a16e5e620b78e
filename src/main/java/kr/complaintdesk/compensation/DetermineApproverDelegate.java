package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.List;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Asks the latest {@code approval-authority} decision which group approves this compensation, and offers the
 * approval to that group and every group of more authority: a lead may approve what an agent may, a director what
 * a lead may. The table's answer is the least authority needed, a floor; four-eyes still holds
 * ({@link FourEyesCheckListener}).
 */
@Component("determineApprover")
public class DetermineApproverDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "approval-authority";
  /** The groups that approve compensation, from the least authority to the most. */
  static final List<String> AUTHORITY = List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD, StaffGroup.CS_DIRECTOR);
  private final Decisions decisions;
  private final Timeline timeline;

  public DetermineApproverDelegate(Decisions decisions, Timeline timeline) {
    this.decisions = decisions;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object amount = execution.getVariable(OFFER_AMOUNT);
    Decisions.Outcome outcome = decisions.evaluateLatest(DECISION_KEY, Variables.createVariables()
        .putValue(HARM, isTrue(execution, HARM))
        .putValue(OFFER_AMOUNT, amount instanceof Number n ? n.doubleValue() : 0d));
    Object group = outcome.single().get(APPROVER_GROUP);
    execution.setVariable(APPROVER_GROUP, group);
    execution.setVariable(APPROVER_GROUPS, String.join(",", atOrAbove(String.valueOf(group))));
    timeline.record(string(execution, CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.SYSTEM,
        "승인 권한: " + groupName(String.valueOf(group)) + " 이상 (" + outcome.reference() + ")", "보상 금액: " + amount + "원");
  }

  /** The Korean name of an approving group, as Tasklist and Admin show it ({@code cs-lead}: 고객상담팀 팀장). */
  static String groupName(String group) {
    return StaffGroup.all(List.of()).stream().filter(g -> g.id().equals(group)).map(StaffGroup::name).findFirst()
        .orElse(group);
  }

  /** {@code group} and the groups above it; a group outside the ladder (a table naming another) alone. */
  static List<String> atOrAbove(String group) {
    int index = AUTHORITY.indexOf(group);
    return index < 0 ? List.of(group) : AUTHORITY.subList(index, AUTHORITY.size());
  }
}
