package kr.complaintdesk.intake;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Date;
import java.util.List;
import kr.complaintdesk.intake.CaseInputException.FieldError;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of IntakeInput as a start from the Tasklist form meets them: one reason a field, in the form's order. */
@ProcessTest
class IntakeInputTest {

  @Autowired ProcessEngine engine;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
  }

  List<FieldError> refusal(VariableMap variables) {
    return catchThrowableOfType(() -> driver.startCase(variables), CaseInputException.class).getErrors();
  }

  @Test
  void eachBadFieldIsNamedOnceWithItsReasonInTheOrderOfTheForm() {
    VariableMap bad = intake("SERVICE", "seoul")
        .putValue("channel", "WEB\u0000")
        .putValue("category", "NOPE")
        .putValue("customerPhone", "0".repeat(21))
        .putValue("description", "가".repeat(4001))
        .putValue("orderValue", "39000")
        .putValue("externalThreat", "yes");

    assertThat(refusal(bad)).containsExactly(
        new FieldError("channel", "제어 문자를 쓸 수 없습니다"),
        new FieldError("category", "알 수 없는 값 'NOPE' (허용: HEALTH_HARM, INJURY, PRODUCT_DEFECT, DELIVERY_DELAY, "
            + "TRANSIT_DAMAGE, WRONG_ITEM, LOST_PARCEL, CUSTOMS_DELAY, SERVICE, UNWANTED_CONTACT, OTHER)"),
        new FieldError("customerPhone", "20자를 넘을 수 없습니다 (21자)"),
        new FieldError("description", "4000자를 넘을 수 없습니다 (4001자)"),
        new FieldError("orderValue", "0원 이상 10억 원 이하의 금액이어야 합니다"),
        new FieldError("externalThreat", "참/거짓 값이어야 합니다"));
  }

  @Test
  void aValueIsShownAsItWasSentNeverReadAsAPlaceholderOrExpression() {
    assertThat(refusal(intake("SERVICE", "seoul").putValue("channel", "${7*7}")))
        .singleElement().satisfies(e -> assertThat(e.reason()).startsWith("알 수 없는 값 '${7*7}' (허용: PHONE, "));
    assertThat(refusal(intake("SERVICE", "seoul").putValue("remedySought", "{max}")))
        .singleElement().satisfies(e -> assertThat(e.reason()).startsWith("알 수 없는 값 '{max}' (허용: "));
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedByName() {
    assertThat(refusal(intake("SERVICE", "seoul").putValue("occurredOn", new Date()).putValue("customerName", 42)))
        .containsExactly(new FieldError("customerName", "문자열이어야 합니다"), new FieldError("occurredOn", "문자열이어야 합니다"));
  }

  @Test
  void onlyAConsumerAgencyTransferCarriesTheAgencysReplyDate() {
    assertThat(refusal(intake("SERVICE", "seoul").putValue("channel", "CONSUMER_AGENCY")))
        .containsExactly(new FieldError("agencyReplyDue", "소비자기관 이관 사건에는 기관이 정한 회신 기한이 필요합니다"));
    assertThat(refusal(intake("SERVICE", "seoul").putValue("agencyReplyDue", "2026-12-10")))
        .containsExactly(new FieldError("agencyReplyDue", "소비자기관 이관(CONSUMER_AGENCY) 사건에만 입력합니다"));
  }

  @Test
  void whatWasCheckedIsWhatIsStored() {
    ProcessInstance pi = driver.startCase(intake("SERVICE", " busan ").putValue("channel", " WEB").putValue("orderNo", ""));

    assertThat(engine.getRuntimeService().getVariables(pi.getId()))
        .containsEntry("region", "busan").containsEntry("channel", "WEB").doesNotContainKey("orderNo");
  }
}
