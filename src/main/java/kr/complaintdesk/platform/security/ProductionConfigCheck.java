package kr.complaintdesk.platform.security;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/** Stops a {@code prod} start before anything touches the database when credentials are defaults. */
public class ProductionConfigCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("prod"))) {
      return;
    }
    List<String> problems = ProductionGuard.configurationProblems(environment);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start in prod while default credentials are in use: "
          + String.join("; ", problems));
    }
  }
}
