package kr.complaintdesk.platform.web;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.support.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case API accepts the Tasklist login of the same browser, so a page of another site must not be able to
 * change a case through it: with the session, a change needs the CSRF token Camunda's webapp API needs.
 * Integrations with HTTP Basic need no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistSessionCsrfTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;

  @Test
  void aChangeWithTheTasklistSessionButWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    ProcessInstance complaint = new CaseDriver(engine).startCase(intake("SERVICE", "seoul"));
    String caseNumber = complaint.getBusinessKey();
    WebappSession agent = WebappSession.loggedIn(port, "cs-agent1");
    assertThat(agent.csrfToken()).as("token cookie after login").isNotBlank();

    Reply forged = agent.json("POST", "/api/complaints/" + caseNumber + "/withdrawal", "{\"reason\":\"위조\"}", false,
        "Origin", "http://attacker.example");
    Reply wrongToken = agent.json("POST", "/api/complaints/" + caseNumber + "/contacts", "{\"channel\":\"PHONE\"}", false,
        WebappSession.CSRF_HEADER, "0123456789ABCDEF");

    for (Reply refused : new Reply[] {forged, wrongToken}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().path("detail").asText()).contains("CSRF").containsPattern("[가-힣]");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getId()).count())
        .as("case still running").isEqualTo(1);
    assertThat(new ApiClient(port).get("/api/complaints/" + caseNumber + "/timeline", "cs-lead1").json().toString())
        .doesNotContain("위조").doesNotContain("CONTACT");

    Reply read = agent.json("GET", "/api/complaints/" + caseNumber, null, false);
    assertThat(read.status()).as("reading needs no token").isEqualTo(200);

    Reply withToken = agent.json("POST", "/api/complaints/" + caseNumber + "/withdrawal", "{\"reason\":\"고객 요청\"}", true);
    assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaint.getId()).count()).isZero();
  }

  @Test
  void integrationsWithHttpBasicNeedNoToken() {
    // A case that came in through the integration's channel: the one it may report contacts on.
    ProcessInstance complaint = new CaseDriver(engine).startCase(intake("SERVICE", "seoul")
        .putValue("submittedBy", "channel-integration1"));

    Reply contact = new ApiClient(port).post("/api/complaints/" + complaint.getBusinessKey() + "/contacts",
        "channel-integration1", "{\"channel\":\"PHONE\",\"note\":\"다시 전화함\"}", "Origin", "http://attacker.example");

    assertThat(contact.status()).as(contact.body()).isEqualTo(202);
  }
}
