package kr.complaintdesk.platform.security;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: the person logged in, or else the task's assignee. */
public final class CurrentUser {

  private CurrentUser() {}

  /** Who acts in a step that is not a task: the person or service account logged in, else "system". */
  public static final String SYSTEM = "system";

  public static String of(DelegateTask task) {
    String user = authenticated(task.getProcessEngineServices());
    return user != null ? user : task.getAssignee();
  }

  public static String of(DelegateExecution execution) {
    String user = authenticated(execution.getProcessEngineServices());
    return user != null ? user : SYSTEM;
  }

  private static String authenticated(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
