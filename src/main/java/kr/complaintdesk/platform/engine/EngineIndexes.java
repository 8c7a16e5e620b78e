package kr.complaintdesk.platform.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes (and, on PostgreSQL, planner statistics) that the application's own queries need on the engine's
 * tables beyond those the engine creates, created right after the engine has created or checked its schema.
 * Each node checks at every start and creates only what is missing, so a restart takes no lock on the engine's
 * tables; on PostgreSQL an index is built {@code CONCURRENTLY} (task writes go on meanwhile), gives up after
 * {@link #LOCK_TIMEOUT} rather than queue behind open transactions, and an invalid one a failed build left is
 * built again. On H2 the one-time build locks the task table for as long as it takes. A failure is logged and the start goes on
 * (the next start tries again): the indexes speed queries up, no answer depends on them. The database user
 * must own the engine's tables, as it does when the engine created them. On H2 it also warns when the database sorts
 * NULL first: Tasklist's order would then put tasks without a due date before those with one.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  /** An index on columns of an engine table (SQL, as in CREATE INDEX). Names start with {@code CD_} (Complaint Desk). */
  record Index(String name, String table, String columns, String why) {}

  static final List<Index> INDEXES = List.of(
      new Index("CD_IDX_TASK_PRIORITY", "ACT_RU_TASK", "PRIORITY_",
          "Tasklist's 긴급(P1) filter: tasks of a P1 case's priority"),
      new Index("CD_IDX_TASK_DUE_DATE", "ACT_RU_TASK", "DUE_DATE_", "Tasklist's 기한 초과 filter: tasks due before now"),
      new Index("CD_IDX_TASK_DEF_KEY", "ACT_RU_TASK", "TASK_DEF_KEY_",
          "Tasklist's filters by step or process (보상 승인 대기, 공개 리스크, 방문 케어, 원인 분석, 재발 방지 조치)"),
      // The order of every filter (TasklistFilters.urgentFirst). PostgreSQL reads a first page off it and stops
      // after 15 tasks the caller may see; with the priority index alone it read and sorted every task of the top
      // priorities (docs/performance.md). Without a due date is last, as both databases sort NULL here (H2 with
      // DEFAULT_NULL_ORDERING=HIGH). H2's plans read and sort a filter's tasks either way.
      new Index("CD_IDX_TASK_URGENCY", "ACT_RU_TASK", "PRIORITY_ DESC, DUE_DATE_, CREATE_TIME_",
          "Tasklist's order: priority, then due date, then creation"));

  /**
   * With authorizations on, every task query joins the caller's grants and keeps those whose permission bits fit
   * ({@code PERMS_ & 2 = 2} for READ, {@code & 64} READ_TASK, {@code & 512} READ_INSTANCE). PostgreSQL cannot
   * estimate these bit tests without statistics on them: it guessed a few hundred matching grants where there
   * was one per open task, and joined every task to every grant (555 s for one count at 100,000 open cases).
   * With them it looks each task's grants up through the index on RESOURCE_ID_. Needs PostgreSQL 14.
   */
  static final String AUTHORIZATION_STATISTICS = "cd_stat_authorization_perms";
  private static final String CREATE_AUTHORIZATION_STATISTICS = "CREATE STATISTICS IF NOT EXISTS "
      + AUTHORIZATION_STATISTICS + " (mcv) ON resource_type_, (perms_ & 2), (perms_ & 64), (perms_ & 512)"
      + " FROM act_ru_authorization";
  static final String LOCK_TIMEOUT = "3s";
  /** The key of the PostgreSQL advisory lock a node holds while it checks the indexes ("cd_idx" in ASCII). */
  static final long ADVISORY_LOCK = 0x63645f696478L;

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  private DataSource dataSource;
  private String databaseType;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    dataSource = configuration.getDataSource();
    databaseType = configuration.getDatabaseType();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    boolean postgres = "postgres".equals(databaseType);
    if (!postgres && !"h2".equals(databaseType)) {
      LOG.info("No engine indexes for database type {}", databaseType);
      return;
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      // One node at a time: an index another node is building concurrently looks invalid, like a failed build.
      boolean locked = postgres && advisoryLock(statement, true);
      if (postgres && !locked) {
        LOG.info("Another node is checking the engine indexes now; this one leaves them to it");
        connection.setAutoCommit(autoCommit);
        return;
      }
      if (postgres) {
        statement.execute("SET lock_timeout = '" + LOCK_TIMEOUT + "'");
      }
      try {
        for (Index index : INDEXES) {
          Boolean valid = postgres ? validity(connection, index.name())
              : h2Exists(connection, index.name()) ? Boolean.TRUE : null;
          if (valid == null) {
            create(connection, statement, postgres, index);
          } else if (!valid) {
            // Left by a concurrent build that failed (a lock timeout, a node killed meanwhile): build it again.
            LOG.info("Index {} is invalid (an earlier build did not finish): building it again", index.name());
            if (dropInvalid(connection, statement, index.name())) {
              create(connection, statement, true, index);
            }
          }
        }
        if (postgres && !statisticsExist(connection)) {
          createStatistics(statement);
        }
        if (!postgres) {
          warnUnlessNullSortsHigh(statement);
        }
      } finally {
        if (locked) {
          statement.execute("RESET lock_timeout");
          advisoryLock(statement, false);
        }
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.warn("Could not check the engine indexes, queries work without them but slower: {}", e.getMessage());
    }
  }

  /** Takes (or releases) this session's advisory lock for the index check; whether it was taken. */
  private static boolean advisoryLock(Statement statement, boolean take) throws SQLException {
    try (ResultSet result = statement.executeQuery(
        (take ? "SELECT pg_try_advisory_lock(" : "SELECT pg_advisory_unlock(") + ADVISORY_LOCK + ")")) {
      return result.next() && result.getBoolean(1);
    }
  }

  private static void create(Connection connection, Statement statement, boolean postgres, Index index)
      throws SQLException {
    String sql = (postgres ? "CREATE INDEX CONCURRENTLY " : "CREATE INDEX IF NOT EXISTS ")
        + index.name() + " ON " + index.table() + " (" + index.columns() + ")";
    try {
      statement.execute(sql);
      LOG.info("Created index {} on {}({}): {}", index.name(), index.table(), index.columns(), index.why());
    } catch (SQLException e) {
      LOG.warn("Index {} not created, the next start tries again; queries work without it but slower: {}",
          index.name(), e.getMessage());
      if (postgres && Boolean.FALSE.equals(validity(connection, index.name()))) {
        dropInvalid(connection, statement, index.name());
      }
    }
  }

  /** Drops an invalid index (never a valid one another node built meanwhile); whether it is gone. */
  private static boolean dropInvalid(Connection connection, Statement statement, String index) throws SQLException {
    if (!Boolean.FALSE.equals(validity(connection, index))) {
      return false;
    }
    try {
      statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
      return true;
    } catch (SQLException e) {
      LOG.warn("Invalid index {} not dropped, the next start tries again: {}", index, e.getMessage());
      return false;
    }
  }

  private static void createStatistics(Statement statement) {
    try {
      statement.execute(CREATE_AUTHORIZATION_STATISTICS);
      LOG.info("Created planner statistics {} on the authorization table's permission bits", AUTHORIZATION_STATISTICS);
    } catch (SQLException e) {
      LOG.warn("Planner statistics {} not created (they need PostgreSQL 14 or newer); Tasklist's filters are slow "
          + "for groups with many open tasks without them: {}", AUTHORIZATION_STATISTICS, e.getMessage());
      return;
    }
    try {
      // Statistics take effect once gathered; afterwards autovacuum keeps them up to date.
      statement.execute("ANALYZE act_ru_authorization");
    } catch (SQLException e) {
      LOG.warn("ANALYZE act_ru_authorization did not run now ({}); autovacuum gathers the statistics later",
          e.getMessage());
    }
  }

  /** H2 sorts NULL as PostgreSQL does only when opened with {@code DEFAULT_NULL_ORDERING=HIGH}, which it does not store. */
  private static void warnUnlessNullSortsHigh(Statement statement) throws SQLException {
    try (ResultSet setting = statement.executeQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'DEFAULT_NULL_ORDERING'")) {
      if (setting.next() && !"HIGH".equals(setting.getString(1))) {
        LOG.warn("H2 sorts NULL {}: Tasklist lists tasks without a due date before those with one. Add "
            + "DEFAULT_NULL_ORDERING=HIGH to spring.datasource.url, as application.yaml has it", setting.getString(1));
      }
    }
  }

  /** On PostgreSQL: null when the index is missing, else whether it is valid (a failed concurrent build is not). */
  private static Boolean validity(Connection connection, String index) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT i.indisvalid FROM pg_index i "
        + "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ? AND pg_table_is_visible(c.oid)")) {
      query.setString(1, index.toLowerCase());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getBoolean(1) : null;
      }
    }
  }

  private static boolean h2Exists(Connection connection, String index) throws SQLException {
    return found(connection, "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = ?", index);
  }

  private static boolean statisticsExist(Connection connection) throws SQLException {
    return found(connection, "SELECT 1 FROM pg_statistic_ext WHERE stxname = ? AND pg_statistics_obj_is_visible(oid)",
        AUTHORIZATION_STATISTICS);
  }

  private static boolean found(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
