package kr.complaintdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.complaintdesk.ComplaintDeskProperties;
import kr.complaintdesk.platform.engine.ModelDeployer;
import kr.complaintdesk.platform.security.DemoUsers;
import kr.complaintdesk.platform.security.IdentitySetup;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.platform.tasklist.TasklistFilters;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

@ProcessTest
class StartupSetupTest {

  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired ComplaintDeskProperties properties;
  @Autowired ModelDeployer modelDeployer;
  @Autowired IdentitySetup identitySetup;
  @Autowired DemoUsers demoUsers;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired StartupSetup startupSetup;

  @Test
  void aRestartWithUnchangedModelsCreatesNoNewVersions() {
    long deployments = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    long forms = repositoryService.getDeploymentResourceNames(
        repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list().get(0).getId()).size();

    startupSetup.run(new DefaultApplicationArguments());

    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
    try (var models = java.nio.file.Files.list(java.nio.file.Path.of("processes"));
        var formFiles = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      assertThat(forms).as("every model and form is in the deployment").isEqualTo(models.count() + formFiles.count());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(repositoryService.createProcessDefinitionQuery().latestVersion().list())
        .extracting(d -> d.getKey())
        .contains("complaint-case", "care-visit", "cause-analysis", "compensation", "prevention-action");
  }

  @Test
  void everyGroupOfTheSopHasTwoDemoUsers() {
    for (StaffGroup group : identitySetup.groups()) {
      assertThat(identityService.createGroupQuery().groupId(group.id()).count()).as(group.id()).isEqualTo(1);
      for (String userId : List.of(group.id() + "1", group.id() + "2")) {
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count()).as(userId)
            .isEqualTo(1);
        assertThat(identityService.checkPassword(userId, "demo")).as(userId).isTrue();
      }
      assertThat(identityService.createUserQuery().memberOfGroup(group.id()).list())
          .extracting(user -> user.getFirstName() + " " + user.getLastName())
          .as("two people of one group tell apart in Tasklist").doesNotHaveDuplicates();
    }
    assertThat(identitySetup.groups()).extracting(StaffGroup::id)
        .contains("cs-agent", "cs-lead", "cs-director", "safety-lab", "quality", "logistics", "pr-risk", "process-owner",
            "region-seoul", "region-busan", "region-daegu", "region-gwangju", "region-daejeon");
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.URGENT).count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).count()).isEqualTo(1);
  }

  @Test
  void demoAccountsInTheDatabaseBlockAProductionStart() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    StartupSetup production = new StartupSetup(prod, properties, identityService, modelDeployer, identitySetup,
        demoUsers, tasklistFilters);

    assertThatThrownBy(() -> production.run(new DefaultApplicationArguments()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo accounts")
        .hasMessageContaining("cs-agent1").hasMessageContaining("cs-agent2");
  }
}
