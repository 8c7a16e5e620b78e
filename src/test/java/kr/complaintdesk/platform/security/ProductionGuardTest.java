package kr.complaintdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.complaintdesk.ComplaintDeskApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  @Test
  void prodProfileRefusesToStartWithDefaultCredentials() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(ComplaintDeskApplication.class)
            .profiles("prod")
            .properties("server.port=0")
            .run())
        .hasMessageContaining("Refusing to start in prod")
        .hasMessageContaining("COMPLAINTS_ADMIN_PASSWORD")
        .hasMessageContaining("COMPLAINTS_DB_PASSWORD");
  }

  @Test
  void strongCredentialsOnPostgresqlPass() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.password", "correct-horse-battery")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/complaints")
        .withProperty("spring.datasource.password", "s3cret-db-pass")
        .withProperty("complaints.demo-users", "false");

    assertThat(ProductionGuard.configurationProblems(environment)).isEmpty();
  }

  @Test
  void eachDefaultIsNamed() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.password", "Demo")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/complaints")
        .withProperty("spring.datasource.password", "postgres")
        .withProperty("complaints.demo-users", "true");

    assertThat(ProductionGuard.configurationProblems(environment)).hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("COMPLAINTS_ADMIN_PASSWORD"))
        .anySatisfy(p -> assertThat(p).contains("COMPLAINTS_DB_PASSWORD"))
        .anySatisfy(p -> assertThat(p).contains("demo-users"));
  }
}
