package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.OFFER_PREPARED_BY;

import java.util.Objects;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four-eyes on offers: whoever prepared an offer can neither claim nor complete its approval.
 * Enforced by the engine for every client (Tasklist, REST, Java), not only hidden in a screen.
 */
@Component("fourEyesCheck")
class FourEyesCheckListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object preparedBy = task.getVariable(OFFER_PREPARED_BY);
    if (preparedBy == null) {
      return;
    }
    String actor = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : CurrentUser.of(task);
    if (Objects.equals(preparedBy, actor) || Objects.equals(preparedBy, task.getAssignee())) {
      throw new FourEyesViolation((String) preparedBy);
    }
  }

  /** The preparer of an offer tried to approve it. */
  public static class FourEyesViolation extends Refusal {
    public FourEyesViolation(String userId) {
      super(Kind.CONFLICT, "해결안을 작성한 사람(" + userId + ")은 그 해결안을 승인할 수 없습니다. 다른 승인자가 처리해야 합니다.");
    }
  }
}
