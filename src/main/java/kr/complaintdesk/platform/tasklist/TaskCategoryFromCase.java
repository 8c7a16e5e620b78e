package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY_NAME;

import kr.complaintdesk.platform.engine.EveryUserTask;
import kr.complaintdesk.platform.engine.FormLabels;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives every task the Korean name of its case's category, which Tasklist's cards show instead of the code
 * ({@code HEALTH_HARM} is "피부·건강 이상", as the forms' category field names it). A variable of the task itself,
 * so that every process that carries a category (care, analysis, compensation, models deployed later, cases started
 * before this version) needs nothing in its model, and whoever may read the task reads it; a category is not
 * customer data.
 */
@Component
public class TaskCategoryFromCase extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EveryUserTask.listen(configuration, TaskListener.EVENTNAME_CREATE,
        "TaskCategoryFromCase gives the task its case's category in Korean (Tasklist's cards)",
        TaskCategoryFromCase::name);
  }

  static void name(DelegateTask task) {
    Object category = task.getExecution() == null ? null : task.getVariable(CATEGORY);
    if (category != null) {
      task.setVariableLocal(CATEGORY_NAME, FormLabels.option(CATEGORY, category.toString()));
    }
  }
}
