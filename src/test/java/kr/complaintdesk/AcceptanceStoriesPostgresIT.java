package kr.complaintdesk;

import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import kr.complaintdesk.support.Requires;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The acceptance stories on the production database: the whole application with the
 * {@code postgres} profile against a real PostgreSQL server, schema created from scratch.
 */
@SpringBootTest
@ActiveProfiles(value = {"test", "postgres"}, inheritProfiles = false)
@Requires(ExternalTool.POSTGRESQL)
class AcceptanceStoriesPostgresIT extends AcceptanceStoriesTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.recreate("complaints_it_stories"));
    registry.add("spring.datasource.username", ExternalTool::postgresUser);
    registry.add("spring.datasource.password", ExternalTool::postgresPassword);
  }
}
