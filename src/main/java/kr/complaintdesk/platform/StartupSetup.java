package kr.complaintdesk.platform;

import java.util.List;
import kr.complaintdesk.ComplaintDeskProperties;
import kr.complaintdesk.platform.engine.ModelDeployer;
import kr.complaintdesk.platform.security.DemoUsers;
import kr.complaintdesk.platform.security.IdentitySetup;
import kr.complaintdesk.platform.security.ProductionGuard;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * What every start does once the engine is up: refuse default credentials in production, deploy the
 * models, create groups and permissions, demo users where wanted, and the Tasklist filters.
 */
@Component
class StartupSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSetup.class);
  /** Nodes starting together: up to 5 attempts, 300 ms apart and growing. */
  private static final RetryTemplate SETUP_RETRIES = RetryTemplate.builder()
      .maxAttempts(5)
      .exponentialBackoff(300, 2, 2400)
      .retryOn(RuntimeException.class)
      .build();

  private final Environment environment;
  private final ComplaintDeskProperties properties;
  private final IdentityService identityService;
  private final ModelDeployer modelDeployer;
  private final IdentitySetup identitySetup;
  private final DemoUsers demoUsers;
  private final TasklistFilters tasklistFilters;

  public StartupSetup(Environment environment, ComplaintDeskProperties properties,
      IdentityService identityService, ModelDeployer modelDeployer, IdentitySetup identitySetup,
      DemoUsers demoUsers, TasklistFilters tasklistFilters) {
    this.environment = environment;
    this.properties = properties;
    this.identityService = identityService;
    this.modelDeployer = modelDeployer;
    this.identitySetup = identitySetup;
    this.demoUsers = demoUsers;
    this.tasklistFilters = tasklistFilters;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (environment.acceptsProfiles(Profiles.of("prod"))) {
      List<String> demo = ProductionGuard.demoAccounts(identityService, allGroups());
      if (!demo.isEmpty()) {
        throw new IllegalStateException("Refusing to start in prod: demo accounts with the published "
            + "password exist (" + String.join(", ", demo) + "); delete them in Camunda Admin first");
      }
    }
    // Nodes sharing a database may start together; the loser of an insert race finds the rows the
    // winner created on the next attempt, because every step only adds what is missing.
    SETUP_RETRIES.execute(context -> {
      try {
        setUpOnce();
        return null;
      } catch (RuntimeException e) {
        LOG.warn("Start-up setup attempt {} collided with another node: {}", context.getRetryCount() + 1, e.getMessage());
        throw e;
      }
    });
  }

  private void setUpOnce() {
    modelDeployer.deploy();
    identitySetup.setUp();
    if (properties.demoUsers()) {
      demoUsers.create(allGroups());
    }
    tasklistFilters.setUp(properties.regions());
  }

  private List<StaffGroup> allGroups() {
    List<StaffGroup> groups = new java.util.ArrayList<>(identitySetup.groups());
    groups.addAll(identitySetup.serviceGroups());
    return groups;
  }
}
