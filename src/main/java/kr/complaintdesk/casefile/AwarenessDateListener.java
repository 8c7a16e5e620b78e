package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.ADVERSE_EVENT_KNOWN_ON;

import java.time.LocalDate;
import kr.complaintdesk.platform.engine.Refusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the forms that ask when the company learned of the adverse event (first contact, the safety lab's review
 * and verdict): the day follows {@link AdverseEventAwareness}, or the form is refused naming the field and nothing
 * is saved. A valid day is kept as {@code YYYY-MM-DD}. The forms require the field (intake fills it in).
 */
@Component("awarenessDate")
public class AwarenessDateListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object submitted = task.getVariable(ADVERSE_EVENT_KNOWN_ON);
    if (submitted == null) {
      return;
    }
    if (submitted.toString().isBlank()) {
      // An emptied field would drop the day the regulator's deadline counts from: refused, the stored day stays.
      throw Refusal.badInput(ADVERSE_EVENT_KNOWN_ON, "날짜를 입력하세요 (비워 둘 수 없습니다)");
    }
    LocalDate knownOn = AdverseEventAwareness.of(task);
    String problem = AdverseEventAwareness.problem(knownOn, AdverseEventAwareness.occurredOn(task));
    if (problem != null) {
      throw Refusal.badInput(ADVERSE_EVENT_KNOWN_ON, problem);
    }
    task.setVariable(ADVERSE_EVENT_KNOWN_ON, knownOn.toString());
  }
}
