package kr.complaintdesk.platform.security;

import kr.complaintdesk.support.TestData;
import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Phone numbers, e-mail addresses, SNS handles, names and health details never appear in the logs:
 * everything the application and the engine print while a harm case with distinctive personal data
 * goes from intake (HTTP API and engine) to payout and follow-up is captured and searched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

  static final String NAME = "남궁비밀";
  static final String PHONE = "010-9876-5432";
  static final String EMAIL = "secret.person@example.kr";
  static final String SNS = "@secret_person_kr";
  static final String HEALTH = "왼쪽 볼에 고름이 나는 접촉성 피부염";

  /** Every way the personal data could show up in a log line. */
  static final List<String> FORBIDDEN = List.of(
      NAME, "남궁", PHONE, "01098765432", "010 9876 5432", "+82 10-9876-5432", "+821098765432", "9876-5432", "98765432",
      EMAIL, "secret.person", "SECRET.PERSON", SNS, "secret_person_kr", HEALTH, "고름이 나는", "접촉성 피부염", "왼쪽 볼");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    init(engine);
    driver = new CaseDriver(engine);
  }

  @Test
  void personalDataOfAHarmCaseNeverReachesTheLogsFromIntakeToFollowUp(CapturedOutput output) {
    // Intake through the HTTP API, as a channel integration would.
    ResponseEntity<Map<String, Object>> created = api().exchange("/api/complaints",
        HttpMethod.POST, new HttpEntity<>(Map.of(
            "channel", "WEB",
            "category", "HEALTH_HARM",
            "customer", Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "snsHandle", SNS, "region", "busan"),
            "product", Map.of("code", "P-PRIV", "name", "진정 크림"),
            "description", HEALTH + " (연락처 " + PHONE + ", " + EMAIL + ")",
            "remedySought", "TREATMENT_COSTS")), new ParameterizedTypeReference<>() {});
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = (String) created.getBody().get("caseNumber");
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();

    // A rejected intake with the same data: refused, and its values are not echoed into the logs either.
    ResponseEntity<String> rejected = api().postForEntity("/api/complaints", Map.of(
        "channel", "WEB", "category", "HEALTH_HARM",
        "customer", Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "snsHandle", SNS, "region", "atlantis"),
        "description", HEALTH), String.class);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    // The same customer calls the phone line: intake through the engine, the phone written as digits.
    ProcessInstance byPhone = driver.startCase(CaseDriver.intake("HEALTH_HARM", "busan")
        .putValue("customerName", NAME)
        .putValue("customerPhone", "01098765432")
        .putValue("customerEmail", EMAIL.toUpperCase())
        .putValue("customerSnsHandle", SNS)
        .putValue("description", HEALTH));
    driver.executeJobs(byPhone);
    driver.complete(byPhone, "UserTask_FirstContact", "cs-agent2",
        "contactNotes", "중복 접수, " + HEALTH, "remedySought", "APOLOGY", "visitConsent", false);

    driver.executeJobs(pi);
    driver.openTasks(pi, "UserTask_AssessPublicRisk").forEach(task -> driver.complete(pi, "UserTask_AssessPublicRisk",
        "pr-risk1", "riskLevel", "LOW", "riskNotes", NAME + " 고객, " + HEALTH));
    driver.complete(pi, "UserTask_FirstContact", "cs-agent1",
        "contactNotes", NAME + " 고객(" + PHONE + ")과 통화: " + HEALTH, "remedySought", "TREATMENT_COSTS", "visitConsent", true);

    driver.complete(pi, "UserTask_ScheduleVisit", "region-busan1", "visitAt", "2026-04-03T10:00",
        "hospitalAccompanimentPlanned", true);
    driver.complete(pi, "UserTask_VisitCustomer", "region-busan1",
        "careNotes", "피부과 동행: " + HEALTH, "hospitalAccompanied", true, "treatmentCostAdded", 65000L,
        "dermatologistDiagnosis", true, "recovered", true);

    driver.complete(pi, "UserTask_ReviewEvidence", "safety-lab1",
        "evidenceReviewNotes", "사진 확인: " + HEALTH, "expertOpinionNeeded", false);
    driver.complete(pi, "UserTask_DecideCausation", "safety-lab1",
        "productCausation", "POSSIBLE", "seriousAdverseEvent", false, "safetyFindings", HEALTH + " 제품 관련 가능성");
    driver.openTasks(pi, "UserTask_InspectProduct").forEach(task -> driver.complete(pi, "UserTask_InspectProduct",
        "quality1", "defectFound", false, "qualityFindings", "이상 없음"));
    driver.complete(pi, "UserTask_ConcludeAnalysis", "cs-lead1",
        "rootCause", "FORMULA_REACTION", "companyFault", "PARTIAL", "analysisFindings", HEALTH);

    driver.complete(pi, "UserTask_PrepareOffer", "cs-agent1", "companyFault", "PARTIAL", "rootCause", "FORMULA_REACTION",
        "offerLines", TestData.offer("TREATMENT_COSTS", 65000L), "offerText", NAME + " 님 치료비 전액 지급");
    driver.complete(pi, "UserTask_ApproveOffer", "cs-lead1", "offerApproved", true, "approvalNote", "영수증 확인: " + HEALTH);
    // The customer answers through the API.
    ResponseEntity<String> answered = api().postForEntity(
        "/api/complaints/" + caseNumber + "/responses",
        Map.of("accepted", true, "note", NAME + " 님 수락, 회신은 " + EMAIL), String.class);
    assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);

    driver.executeJobs(pi);
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", "cs-agent1", "satisfactionScore", 5L);
    driver.executeJobs(pi);

    ResponseEntity<String> timeline = api()
        .getForEntity("/api/complaints/" + caseNumber + "/timeline", String.class);
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(timeline.getBody()).contains("PAYOUT", "MESSAGE");

    assertThat(pi).isEnded();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    // The capture works: the case itself is logged by number.
    assertThat(output.getAll()).contains("Registered case " + caseNumber, "Case " + caseNumber + " closed");
    assertThat(output.getAll()).contains("Recorded customer message " + caseNumber + ":ServiceTask_SendAcknowledgement");
    String all = output.getAll();
    List<String> leaks = all.lines().filter(line -> FORBIDDEN.stream().anyMatch(line::contains)).toList();
    assertThat(leaks).as("log lines with personal data").isEmpty();
  }

  /**
   * A staff member on the case API. Not cs-agent1: EngineRestSecurityTest tries a wrong password for
   * that user in the same context, and the engine then holds back its logins for a few seconds.
   */
  private TestRestTemplate api() {
    return rest.withBasicAuth("cs-lead1", "demo");
  }
}
