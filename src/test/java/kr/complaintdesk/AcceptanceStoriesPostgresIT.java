package kr.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import kr.complaintdesk.support.Requires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
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

  @Autowired JdbcTemplate jdbc;

  /** The indexes and planner statistics of db/engine/postgres.sql exist, and the engine's connections run without JIT. */
  @Test
  void theTasklistQueriesHaveTheirIndexesStatisticsAndNoJit() {
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
        .contains("cd_idx_task_priority", "cd_idx_task_due_date");
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext", String.class))
        .contains("cd_stat_authorization_perms");
    assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }
}
