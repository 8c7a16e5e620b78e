package kr.complaintdesk.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the top-level {@code processes/} and {@code forms/} together as one deployment.
 *
 * <p>Resource names are fixed ({@code processes/complaint-case.bpmn}, {@code forms/first-contact.form})
 * whatever the launch method, and duplicate filtering compares the whole set, so a restart with
 * unchanged models creates no new versions, and a changed model redeploys the forms it binds to.
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "complaint-desk";
  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final String[] PATTERNS = {
    "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form"
  };

  private final RepositoryService repositoryService;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public DeploymentWithDefinitions deploy() {
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    int count = 0;
    try {
      var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
      for (String pattern : PATTERNS) {
        Resource[] resources = resolver.getResources(pattern);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        String folder = pattern.substring("classpath*:".length(), pattern.lastIndexOf('/') + 1);
        for (Resource resource : resources) {
          try (InputStream in = resource.getInputStream()) {
            builder.addInputStream(folder + resource.getFilename(), in);
          }
          count++;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the models on the classpath", e);
    }
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    LOG.info("Deployment '{}' of {} resources: {} new process definitions", DEPLOYMENT_NAME, count,
        deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size());
    return deployment;
  }
}
