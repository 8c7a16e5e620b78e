package kr.complaintdesk.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The tools outside the JVM that some tests need, how to find them and how to install them. */
public enum ExternalTool {

  CHROMIUM("apt-get install chromium chromium-driver") {
    @Override
    public boolean isAvailable() {
      return Files.isExecutable(Path.of(chromiumBinary())) && Files.isExecutable(Path.of(chromedriverBinary()));
    }
  },

  POSTGRESQL("apt-get install postgresql, start it, create the role and database of .ci/run, "
      + "or point COMPLAINTS_TEST_DB_URL / COMPLAINTS_TEST_DB_USER / COMPLAINTS_TEST_DB_PASSWORD at one") {
    @Override
    public boolean isAvailable() {
      try (Connection ignored = DriverManager.getConnection(postgresUrl("postgres"), postgresUser(), postgresPassword())) {
        return true;
      } catch (SQLException e) {
        return false;
      }
    }
  },

  NODE_MODEL_TOOLS("Node.js and `npm ci` in the project folder (installs bpmnlint and the bpmn-io libraries)") {
    @Override
    public boolean isAvailable() {
      return onPath("node") && Files.isDirectory(Path.of("node_modules", "bpmnlint"));
    }
  };

  private final String installHint;

  ExternalTool(String installHint) {
    this.installHint = installHint;
  }

  public abstract boolean isAvailable();

  public String installHint() {
    return installHint;
  }

  public static String chromiumBinary() {
    return env("CHROMIUM_BIN", "/usr/bin/chromium");
  }

  public static String chromedriverBinary() {
    return env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
  }

  /** JDBC URL of a database on the test PostgreSQL server. */
  public static String postgresUrl(String database) {
    String base = env("COMPLAINTS_TEST_DB_URL", "jdbc:postgresql://localhost:5432/");
    return (base.endsWith("/") ? base : base + "/") + database;
  }

  public static String postgresUser() {
    return env("COMPLAINTS_TEST_DB_USER", "complaints");
  }

  public static String postgresPassword() {
    return env("COMPLAINTS_TEST_DB_PASSWORD", "complaints");
  }

  static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
