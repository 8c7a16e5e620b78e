package kr.complaintdesk.platform.web;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class WebConfiguration {

  /** Engine REST and the engine API of Tasklist and Cockpit; outside their authentication filters. */
  @Bean
  public FilterRegistrationBean<EngineApiRefusals> engineApiRefusals(TaskService taskService,
      HistoryService historyService, IdentityService identityService) {
    FilterRegistrationBean<EngineApiRefusals> registration =
        new FilterRegistrationBean<>(new EngineApiRefusals(taskService, historyService, identityService));
    registration.setName("engine-api-refusals");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
