package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY_NAME;

import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.tasklist.TaskCategoryFromCase;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * A case's category as the case and its open work carry it: the case's variable, the copy every process the case
 * called carries (care, analysis and compensation read it), and the Korean name each open task shows on Tasklist's
 * cards ({@link TaskCategoryFromCase} names tasks made later). A correction changes them all, or staff would work a
 * case under its old category.
 */
@Component
public class CaseCategory {

  private final CaseInstances instances;
  private final TaskService taskService;

  public CaseCategory(CaseInstances instances, TaskService taskService) {
    this.instances = instances;
    this.taskService = taskService;
  }

  /**
   * Within a step of the case: gives the case numbered {@code caseNumber}, every process it called and their open
   * tasks the category {@code category}. The step is the case's own, so it needs no grant of whoever set it off.
   */
  public void change(String caseNumber, String category) {
    String name = FormLabels.option(CATEGORY, category);
    instances.spread(caseNumber, CATEGORY, category,
        task -> taskService.setVariableLocal(task.getId(), CATEGORY_NAME, name));
  }
}
