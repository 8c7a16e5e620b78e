package kr.complaintdesk.intake;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import kr.complaintdesk.intake.CaseInputException.FieldError;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The day the company learned of an adverse event ({@code adverseEventKnownOn}) at intake, from the case API and the
 * start form alike: not in the future, not before the occurrence date, and the intake day when not given. Today is
 * Thursday 12 March 2026 in Seoul.
 */
@ProcessTest
class AdverseEventKnownOnIntakeTest {

  @Autowired ProcessEngine engine;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CaseDriver(engine);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-12T01:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<FieldError> refusal(VariableMap variables) {
    return catchThrowableOfType(() -> driver.startCase(variables), CaseInputException.class).getErrors();
  }

  @Test
  void theCaseApiPassesTheDayOnUnderItsOwnName() {
    IntakeController.Intake body = new IntakeController.Intake("WEB", null, "HEALTH_HARM",
        new IntakeController.Customer("홍길동", "010-1234-5678", null, null, "busan"), null, null, null, "2026-03-01",
        "피부 발진", null, false, null, null, " 2026-03-02 ");

    VariableMap variables = IntakeMapping.toVariables(body, null);

    assertThat(variables.get("adverseEventKnownOn")).isEqualTo("2026-03-02");
    assertThat(IntakeMapping.fieldsOf(new CaseInputException(List.of(new FieldError("adverseEventKnownOn", "미래의 날짜일 수 없습니다")))))
        .singleElement().satisfies(problem -> assertThat(problem.field()).isEqualTo("adverseEventKnownOn"));
  }

  @Test
  void aDayInTheFutureIsRefusedByName() {
    assertThat(refusal(intake("HEALTH_HARM", "busan").putValue("adverseEventKnownOn", "2026-03-13")))
        .containsExactly(new FieldError("adverseEventKnownOn", "미래의 날짜일 수 없습니다"));
  }

  @Test
  void aDayBeforeTheProblemOccurredIsRefusedByName() {
    assertThat(refusal(intake("HEALTH_HARM", "busan").putValue("occurredOn", "2026-03-05").putValue("adverseEventKnownOn", "2026-03-04")))
        .containsExactly(new FieldError("adverseEventKnownOn", "문제 발생일(2026-03-05)보다 앞설 수 없습니다"));
  }

  @Test
  void aDayThatDoesNotExistIsRefusedByName() {
    assertThat(refusal(intake("HEALTH_HARM", "busan").putValue("adverseEventKnownOn", "2026-02-30")))
        .containsExactly(new FieldError("adverseEventKnownOn", "없는 날짜이거나 YYYY-MM-DD 형식이 아닙니다"));
  }

  @Test
  void theDayGivenIsKeptAndTheSameDayAsTheOccurrenceIsAccepted() {
    ProcessInstance pi = driver.startCase(intake("HEALTH_HARM", "busan")
        .putValue("occurredOn", "2026-03-05").putValue("adverseEventKnownOn", "2026-03-05"));

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "adverseEventKnownOn")).isEqualTo("2026-03-05");
  }

  @Test
  void withoutTheDayTheCompanyLearnedOfItOnTheIntakeDay() {
    ProcessInstance fromApi = driver.startCase(intake("INJURY", "seoul"));
    ProcessInstance fromForm = driver.startCase(intake("INJURY", "seoul").putValue("adverseEventKnownOn", ""));

    assertThat(engine.getRuntimeService().getVariable(fromApi.getId(), "adverseEventKnownOn")).isEqualTo("2026-03-12");
    assertThat(engine.getRuntimeService().getVariable(fromForm.getId(), "adverseEventKnownOn")).isEqualTo("2026-03-12");
  }
}
