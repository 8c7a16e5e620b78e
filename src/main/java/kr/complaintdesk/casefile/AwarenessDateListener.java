package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.ADVERSE_EVENT_KNOWN_ON;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.string;

import java.time.LocalDate;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
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

  /** The awareness day last put on the timeline, to tell a correction from the same day submitted again. */
  static final String ADVERSE_EVENT_KNOWN_ON_RECORDED = "adverseEventKnownOnRecorded";

  private final Timeline timeline;

  public AwarenessDateListener(Timeline timeline) {
    this.timeline = timeline;
  }

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
    // For bodily harm, the day the regulator's 15 days count from is on the timeline whenever someone sets or corrects it.
    Object recorded = task.getVariable(ADVERSE_EVENT_KNOWN_ON_RECORDED);
    Object category = task.getVariable(CATEGORY);
    boolean harm = category != null && Category.valueOf(category.toString()).isHarm();
    if (harm && !knownOn.toString().equals(recorded)) {
      task.setVariable(ADVERSE_EVENT_KNOWN_ON_RECORDED, knownOn.toString());
      timeline.record(string(task, CASE_NUMBER), Timeline.Kind.DECISION, CurrentUser.of(task),
          recorded == null ? "회사가 이상 사례를 안 날: " + knownOn
              : "회사가 이상 사례를 안 날 정정: " + recorded + " → " + knownOn,
          "식약처 보고 기한(안 날부터 15일)은 이 날부터 셉니다 (" + task.getName() + ")");
    }
  }
}
