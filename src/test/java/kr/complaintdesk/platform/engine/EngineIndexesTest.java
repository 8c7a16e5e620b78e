package kr.complaintdesk.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.complaintdesk.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ProcessTest
class EngineIndexesTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theTasklistFiltersColumnsAreIndexedAfterStart() {
    List<String> indexes = jdbc.queryForList(
        "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACT_RU_TASK'", String.class);

    assertThat(indexes).contains("CD_IDX_TASK_PRIORITY", "CD_IDX_TASK_DUE_DATE", "CD_IDX_TASK_DEF_KEY", "CD_IDX_TASK_URGENCY");
  }

  /** In the order of Tasklist's filters: priority first and highest first, then the earliest due, then the oldest. */
  @Test
  void theUrgencyIndexHasTheFiltersOrder() {
    List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME || ' ' || ORDERING_SPECIFICATION || ' ' || NULL_ORDERING "
        + "FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = 'CD_IDX_TASK_URGENCY' ORDER BY ORDINAL_POSITION",
        String.class);

    assertThat(columns).containsExactly("PRIORITY_ DESC FIRST", "DUE_DATE_ ASC LAST", "CREATE_TIME_ ASC LAST");
  }

  /** Tasklist's order puts tasks without a due date last: H2 sorts NULL so only when its URL says so. */
  @Test
  void h2SortsNullAsPostgreSqlDoesWithTheShippedUrl() throws Exception {
    assertThat(H2FileCompactionTest.applicationUrl()).contains(";DEFAULT_NULL_ORDERING=HIGH");
    assertThat(jdbc.queryForObject("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
        + "WHERE SETTING_NAME = 'DEFAULT_NULL_ORDERING'", String.class)).isEqualTo("HIGH");
  }
}
