package kr.complaintdesk.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.env.Environment;

/**
 * In the {@code prod} profile the application refuses to start while a default credential is in
 * use: the demo password for the administrator or the database, or any demo account left in the
 * database from an earlier demo run.
 */
public final class ProductionGuard {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("", "demo", "admin", "sa", "postgres", "camunda", "password", "changeit");
  static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

  private ProductionGuard() {}

  /** Problems in the configuration alone; empty when it may start. */
  public static List<String> configurationProblems(Environment environment) {
    List<String> problems = new ArrayList<>();
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (isDefault(adminPassword) || adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH) {
      problems.add("COMPLAINTS_ADMIN_PASSWORD must be set to a password of at least "
          + MIN_ADMIN_PASSWORD_LENGTH + " characters that is not a default one");
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      problems.add("the prod profile needs PostgreSQL: set COMPLAINTS_DB_URL to a jdbc:postgresql: URL (H2 is for demos)");
    }
    if (isDefault(environment.getProperty("spring.datasource.password", ""))) {
      problems.add("COMPLAINTS_DB_PASSWORD must be set to a password that is not a default one");
    }
    if (environment.getProperty("complaints.demo-users", Boolean.class, false)) {
      problems.add("complaints.demo-users must be false");
    }
    return problems;
  }

  /** Demo accounts found in the identity store; they all had the published demo password. */
  public static List<String> demoAccounts(IdentityService identityService, List<StaffGroup> groups) {
    return groups.stream()
        .flatMap(group -> DemoUsers.userIdsOf(group.id()).stream())
        .filter(userId -> identityService.createUserQuery().userId(userId).count() > 0)
        .toList();
  }

  static boolean isDefault(String password) {
    return DEFAULT_PASSWORDS.contains(password == null ? "" : password.trim().toLowerCase(Locale.ROOT));
  }
}
