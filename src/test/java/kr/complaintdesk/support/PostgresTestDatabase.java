package kr.complaintdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh, empty database on the test PostgreSQL server for one test class. */
public final class PostgresTestDatabase {

  private PostgresTestDatabase() {}

  /** Drops and creates {@code name}; returns its JDBC URL. */
  public static String recreate(String name) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("database name " + name);
    }
    try (Connection admin = DriverManager.getConnection(ExternalTool.postgresUrl("postgres"),
            ExternalTool.postgresUser(), ExternalTool.postgresPassword());
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return ExternalTool.postgresUrl(name);
  }
}
