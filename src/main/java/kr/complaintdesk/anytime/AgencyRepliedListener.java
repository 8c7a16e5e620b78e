package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseVariables.AGENCY_NEXT_REPLY_DUE;
import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_INTERIM;
import static kr.complaintdesk.casefile.CaseVariables.AGENCY_REPLY_PENDING;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.isTrue;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.time.LocalDate;
import kr.complaintdesk.casefile.AgencyReplyDeadline;
import kr.complaintdesk.platform.engine.FormDates;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the reply to a consumer agency is sent: a final reply ends the agency track; an interim one
 * ("still in progress") needs the next reply date the agency set, which becomes the new deadline of
 * the reply task that then comes round again. A missing or impossible next date is refused.
 */
@Component("agencyReplied")
class AgencyRepliedListener implements TaskListener {

  private final AgencyReplyDeadline deadline;
  private final Timeline timeline;

  public AgencyRepliedListener(AgencyReplyDeadline deadline, Timeline timeline) {
    this.deadline = deadline;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = string(task, CASE_NUMBER);
    boolean interim = isTrue(task, AGENCY_REPLY_INTERIM);
    if (!interim) {
      task.setVariable(AGENCY_REPLY_PENDING, false);
      timeline.record(caseNumber, Timeline.Kind.CONTACT, CurrentUser.of(task), "소비자기관에 최종 회신", null);
      return;
    }
    LocalDate due = FormDates.date(AGENCY_NEXT_REPLY_DUE, task.getVariable(AGENCY_NEXT_REPLY_DUE));
    if (due == null) {
      throw Refusal.badInput(AGENCY_NEXT_REPLY_DUE, "중간 회신이면 기관이 정한 다음 회신 기한을 입력하세요");
    }
    String problem = deadline.problem(due, false);
    if (problem != null) {
      throw Refusal.badInput(AGENCY_NEXT_REPLY_DUE, problem);
    }
    deadline.apply(task.getExecution(), due);
    task.setVariable(AGENCY_REPLY_PENDING, true);
    // The next round's form starts empty instead of repeating this round's answers.
    task.setVariable(AGENCY_REPLY_INTERIM, null);
    task.setVariable(AGENCY_NEXT_REPLY_DUE, null);
    timeline.record(caseNumber, Timeline.Kind.CONTACT, CurrentUser.of(task), "소비자기관에 중간 회신, 다음 회신 기한 " + due,
        null);
  }
}
