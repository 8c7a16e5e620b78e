package kr.complaintdesk.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes (and, on PostgreSQL, the planner statistics) that the application's queries need on the
 * engine's tables, from {@code db/engine/<database>.sql}, right after the engine has created or checked its
 * schema. Every statement is idempotent, so each node runs them at every start; one that fails (an older
 * PostgreSQL without expression statistics, another node creating the same index at that moment) is logged and
 * the start goes on: the indexes speed queries up, the answers do not depend on them.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

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
    ClassPathResource script = new ClassPathResource("db/engine/" + databaseType + ".sql");
    if (!script.exists()) {
      LOG.info("No engine indexes for database type {}", databaseType);
      return;
    }
    List<String> statements;
    try {
      statements = statements(script.getContentAsString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + script, e);
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          LOG.warn("Engine index statement failed, queries work without it but slower: {} ({})", sql, e.getMessage());
        }
      }
    } catch (SQLException e) {
      LOG.warn("Could not create the engine indexes: {}", e.getMessage());
    }
    LOG.info("Engine indexes checked ({} statements for {})", statements.size(), databaseType);
  }

  /** The script's statements: comment lines ("--") dropped, split at semicolons. */
  static List<String> statements(String script) {
    String code = script.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
    return Arrays.stream(code.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
  }
}
