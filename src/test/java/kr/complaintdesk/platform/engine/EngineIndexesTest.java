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

    assertThat(indexes).contains("CD_IDX_TASK_PRIORITY", "CD_IDX_TASK_DUE_DATE", "CD_IDX_TASK_DEF_KEY");
  }
}
