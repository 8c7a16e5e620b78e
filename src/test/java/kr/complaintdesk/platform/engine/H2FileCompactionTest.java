package kr.complaintdesk.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlProcessor;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded H2 file, opened with the settings of application.yaml (WRITE_DELAY=0), written to as the engine
 * does: many small commits that insert, update and delete rows, while history only grows. Without compaction
 * such a file grows by every commit; with {@link H2FileCompaction} it stays near the size of its live data.
 */
class H2FileCompactionTest {

  private static final String DEFAULT_DATABASE = "./data/complaint-desk";

  @TempDir Path directory;

  @Test
  void theFileStaysNearItsLiveDataWhileCommitsAreWrittenOneByOne() throws Exception {
    long[] without = workload(directory.resolve("without"), false);
    long[] with = workload(directory.resolve("with"), true);
    System.out.printf("without: %d -> %d MB; with: %d -> %d MB%n", without[0] >> 20, without[1] >> 20, with[0] >> 20, with[1] >> 20);
    assertThat(without[1] - without[0]).as("the workload makes an uncompacted file grow (else this test shows nothing)")
        .isGreaterThan(without[0] / 2);
    assertThat(with[1]).as("the compacted file at the end, against the uncompacted one").isLessThan(without[1] / 2);
    assertThat(with[1] - with[0]).as("growth in the second half, compacted against uncompacted")
        .isLessThan((without[1] - without[0]) / 3);
  }

  /** Runs the workload and returns the file size half-way and at the end. */
  private long[] workload(Path dir, boolean compact) throws Exception {
    Files.createDirectories(dir);
    String url = applicationUrl().replace(DEFAULT_DATABASE, dir.resolve("db").toString()) + ";RETENTION_TIME=0";
    Path file = dir.resolve("db.mv.db");
    long half = 0;
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      MVStore store = H2FileCompaction.mvStore(connection).orElseThrow();
      assertThat(store.getAutoCommitDelay()).as("WRITE_DELAY of application.yaml").isZero();
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE RUNTIME_ROW(ID BIGINT PRIMARY KEY, CASE_NO VARCHAR(40), STATE VARCHAR(20), PAYLOAD VARCHAR(2000))");
        ddl.execute("CREATE INDEX RUNTIME_CASE_NO ON RUNTIME_ROW(CASE_NO)");
        ddl.execute("CREATE TABLE HISTORY_ROW(ID BIGINT PRIMARY KEY, CASE_ID BIGINT, TEXT VARCHAR(500))");
        ddl.execute("CREATE INDEX HISTORY_CASE ON HISTORY_ROW(CASE_ID)");
      }
      connection.setAutoCommit(false);
      PreparedStatement insert = connection.prepareStatement("INSERT INTO RUNTIME_ROW VALUES (?, ?, 'OPEN', ?)");
      PreparedStatement history = connection.prepareStatement("INSERT INTO HISTORY_ROW VALUES (?, ?, ?)");
      PreparedStatement update = connection.prepareStatement("UPDATE RUNTIME_ROW SET STATE = 'CONTACTED', PAYLOAD = ? WHERE ID = ?");
      PreparedStatement delete = connection.prepareStatement("DELETE FROM RUNTIME_ROW WHERE ID = ?");
      String payload = "불만 내용 ".repeat(100);
      int cases = 8_000;
      for (int id = 1; id <= cases; id++) {
        insert.setLong(1, id);
        insert.setString(2, "C-" + id);
        insert.setString(3, payload);
        insert.executeUpdate();
        history.setLong(1, 2L * id);
        history.setLong(2, id);
        history.setString(3, "접수 " + id);
        history.executeUpdate();
        connection.commit();
        update.setString(1, payload + id);
        update.setLong(2, id);
        update.executeUpdate();
        history.setLong(1, 2L * id + 1);
        history.setLong(2, id);
        history.setString(3, "연락 " + id);
        history.executeUpdate();
        connection.commit();
        if (id > 1_000) {
          delete.setLong(1, id - 1_000);
          delete.executeUpdate();
          connection.commit();
        }
        if (compact && id % 200 == 0) {
          H2FileCompaction.compact(store);
        }
        if (id == cases / 2) {
          half = Files.size(file);
        }
      }
      return new long[] {half, Files.size(file)};
    }
  }

  /** The H2 URL of application.yaml's default document. */
  static String applicationUrl() throws IOException {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    // The default document, without the profiles' documents that follow it.
    yaml.setDocumentMatchers(document -> document.containsKey("spring.config.activate.on-profile")
        ? YamlProcessor.MatchStatus.NOT_FOUND : YamlProcessor.MatchStatus.FOUND);
    Properties properties = yaml.getObject();
    String url = properties.getProperty("spring.datasource.url");
    assertThat(url).contains(DEFAULT_DATABASE);
    return url;
  }
}
