package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.List;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.engine.Decisions;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decides, before the customer hears an offer, whether it needs an approver: the latest {@code approval-authority}
 * decision names the least group whose authority covers the offer's total value (money and goods at their value).
 * When the preparer belongs to that group or one above it the offer is within their own authority; otherwise the
 * approval is offered to that group and every group of more authority (a lead approves what an agent may, a
 * director what a lead may), and four-eyes holds ({@link FourEyesCheckListener}).
 */
@Component("determineApprover")
public class DetermineApproverDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "approval-authority";
  /** The groups that may approve offers, from the least authority to the most. */
  static final List<String> AUTHORITY = List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD, StaffGroup.CS_DIRECTOR);
  private final Decisions decisions;
  private final Offers offers;
  private final IdentityService identityService;
  private final Timeline timeline;
  private final CaseRecords caseRecords;

  public DetermineApproverDelegate(Decisions decisions, Offers offers, IdentityService identityService, Timeline timeline,
      CaseRecords caseRecords) {
    this.decisions = decisions;
    this.offers = offers;
    this.identityService = identityService;
    this.timeline = timeline;
    this.caseRecords = caseRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // Compensation instances started before offers had lines carry the single amount.
    Object total = execution.hasVariable(OFFER_TOTAL) ? execution.getVariable(OFFER_TOTAL) : execution.getVariable(OfferLines.LEGACY_OFFER_AMOUNT);
    double value = total instanceof Number n ? n.doubleValue() : 0d;
    Decisions.Outcome outcome = decisions.evaluateLatest(DECISION_KEY, Variables.createVariables()
        .putValue(HARM, harm(execution)).putValue(OFFER_TOTAL, value));
    String group = String.valueOf(outcome.single().get(APPROVER_GROUP));
    String preparedBy = string(execution, OFFER_PREPARED_BY);
    String caseNumber = string(execution, CASE_NUMBER);
    String won = String.format("%,d원", Math.round(value));
    boolean needed = !withinAuthority(preparedBy, group);
    execution.setVariable(APPROVAL_NEEDED, needed);
    // Set even when no approver is needed: a compensation instance of the model before offer approval always asks.
    execution.setVariable(APPROVER_GROUPS, String.join(",", atOrAbove(group)));
    if (needed) {
      timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.SYSTEM,
          "해결안 승인 필요: " + groupName(group) + " 이상 (" + outcome.reference() + ")", "해결안 합계: " + won);
    } else {
      execution.setVariable(OFFER_APPROVED, true);
      if (execution.getVariable(OFFER_ID) instanceof Number offerId) {
        offers.withinAuthority(offerId.longValue());
      }
      timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.SYSTEM,
          "해결안 승인 불필요: 작성자의 권한 안 (" + groupName(group) + ", " + outcome.reference() + ")", "해결안 합계: " + won);
    }
  }

  /**
   * Bodily harm as the case file has the category (corrected with the case if it is reclassified), or as the case's
   * variable says: a variable set on the way can raise the authority an offer needs, never lower it.
   */
  private boolean harm(DelegateExecution execution) {
    boolean filed = caseRecords.find(execution.getProcessBusinessKey())
        .map(record -> Category.valueOf(record.category()).isHarm()).orElse(false);
    return filed || isTrue(execution, HARM);
  }

  /** The preparer belongs to {@code group} or a group of more authority on the ladder. */
  private boolean withinAuthority(String userId, String group) {
    int needed = AUTHORITY.indexOf(group);
    if (userId == null || needed < 0) {
      return false;
    }
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .mapToInt(AUTHORITY::indexOf).max().orElse(-1) >= needed;
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
