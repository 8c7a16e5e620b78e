package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.*;
import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import kr.complaintdesk.analysis.ShipmentVariables.CarrierClaimOutcome;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a step of the carrier claim: checks what logistics entered and puts it on the case timeline.
 * Filing needs a claim number and an amount above zero; the outcome needs one of {@link CarrierClaimOutcome} and
 * a recovered amount no larger than the claim, zero when rejected and above zero otherwise. Nothing here touches
 * what the customer is offered.
 */
@Component("recordCarrierClaim")
class RecordCarrierClaimListener implements TaskListener {

  static final long LARGEST_AMOUNT = 100_000_000L;

  private final Timeline timeline;

  RecordCarrierClaimListener(Timeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseVariables.string(task, CASE_NUMBER);
    String claimNumber = CaseVariables.string(task, CARRIER_CLAIM_NUMBER);
    if (claimNumber == null || claimNumber.isBlank()) {
      throw Refusal.badInput(CARRIER_CLAIM_NUMBER, "운송사가 준 청구 번호를 입력하세요");
    }
    long claimed = amount(task, CARRIER_CLAIM_AMOUNT);
    if (claimed <= 0) {
      throw Refusal.badInput(CARRIER_CLAIM_AMOUNT, "0원보다 커야 합니다");
    }
    Object outcomeValue = task.getVariable(CARRIER_CLAIM_OUTCOME);
    if (outcomeValue == null) {
      task.setVariable(CARRIER_CLAIM_NUMBER, claimNumber.trim());
      timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.of(task), "운송사 배상 청구함: " + won(claimed),
          "청구 번호 " + claimNumber.trim());
      return;
    }
    CarrierClaimOutcome outcome = Arrays.stream(CarrierClaimOutcome.values())
        .filter(known -> known.name().equals(outcomeValue.toString())).findFirst()
        .orElseThrow(() -> Refusal.badInput(CARRIER_CLAIM_OUTCOME,
            "다음 중 하나를 고르세요: " + Arrays.toString(CarrierClaimOutcome.values())));
    long recovered = amount(task, CARRIER_RECOVERED_AMOUNT);
    if (recovered > claimed) {
      throw Refusal.badInput(CARRIER_RECOVERED_AMOUNT, "청구액(" + won(claimed) + ")보다 클 수 없습니다");
    }
    if (outcome == CarrierClaimOutcome.REJECTED ? recovered != 0 : recovered <= 0) {
      throw Refusal.badInput(CARRIER_RECOVERED_AMOUNT,
          outcome == CarrierClaimOutcome.REJECTED ? "거절된 청구는 0원입니다" : "인정된 청구는 0원보다 커야 합니다");
    }
    timeline.record(caseNumber, Timeline.Kind.DECISION, CurrentUser.of(task),
        "운송사 배상 결과: " + outcome.korean() + ", 회수 " + won(recovered) + " / 청구 " + won(claimed),
        "청구 번호 " + claimNumber.trim());
  }

  /** A whole amount of won from a form's number field; missing counts as 0. */
  private static long amount(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < 0 || number.doubleValue() > LARGEST_AMOUNT) {
      throw Refusal.badInput(name, "0원에서 " + won(LARGEST_AMOUNT) + " 사이의 원 단위 금액이어야 합니다");
    }
    return number.longValue();
  }

  private static String won(long amount) {
    return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + "원";
  }
}
