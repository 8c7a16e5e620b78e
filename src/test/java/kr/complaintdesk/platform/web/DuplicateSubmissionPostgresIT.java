package kr.complaintdesk.platform.web;

import static kr.complaintdesk.platform.web.ComplaintApiTest.assertExactlyOneCase;
import static kr.complaintdesk.platform.web.ComplaintApiTest.json;
import static kr.complaintdesk.platform.web.ComplaintApiTest.submitConcurrently;
import static kr.complaintdesk.platform.web.ComplaintApiTest.validIntake;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import kr.complaintdesk.support.Requires;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exactly one case per submission on the production database: twenty identical submissions at the
 * same moment over HTTP, by channel reference and by Idempotency-Key, against a real PostgreSQL server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(value = {"test", "postgres"}, inheritProfiles = false)
@Requires(ExternalTool.POSTGRESQL)
class DuplicateSubmissionPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.recreate("complaints_it_duplicates"));
    registry.add("spring.datasource.username", ExternalTool::postgresUser);
    registry.add("spring.datasource.password", ExternalTool::postgresPassword);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void runsOnPostgres() {
    assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
  }

  @Test
  void twentyConcurrentIdenticalSubmissionsCreateExactlyOneCase() throws Exception {
    Map<String, Object> body = validIntake("PRODUCT_DEFECT");
    String externalRef = (String) body.get("externalRef");

    List<Reply> replies = submitConcurrently(new ApiClient(port), 20, i -> json(body), i -> null);

    assertExactlyOneCase(replies, jdbc, runtimeService, historyService, "externalRef", externalRef);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE external_ref = ?", Integer.class, externalRef))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_identity WHERE identity_value = ?", Integer.class,
        ComplaintApiTest.customer(body).get("phone").toString().replace("-", ""))).isEqualTo(1);
  }

  @Test
  void twentyConcurrentSubmissionsSharingAnIdempotencyKeyCreateExactlyOneCase() throws Exception {
    String key = TestData.unique("idem-concurrent");
    // Twenty different bodies (each its own channel reference and customer): only the key makes them one submission.
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bodies.add(json(validIntake("DELIVERY_DELAY")));
    }

    List<Reply> replies = submitConcurrently(new ApiClient(port), 20, bodies::get, i -> key);

    assertExactlyOneCase(replies, jdbc, runtimeService, historyService, "idempotencyKey", key);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE idempotency_key = ?", Integer.class, key))
        .isEqualTo(1);
  }
}
