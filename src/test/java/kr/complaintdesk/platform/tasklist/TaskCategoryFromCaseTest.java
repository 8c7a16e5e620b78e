package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.support.CaseDriver.intake;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.ProcessTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tasklist's cards name the category as the forms do, on the case's own tasks and on its sub-processes'. */
@ProcessTest
class TaskCategoryFromCaseTest {

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyTaskCarriesTheCategoryOfItsCaseInKorean() {
    ProcessInstance harm = new CaseDriver(engine).startCase(intake("HEALTH_HARM", "busan"));
    Task firstContact = new CaseDriver(engine).task(harm, "UserTask_FirstContact");
    assertThat(taskService.getVariableLocal(firstContact.getId(), CaseVariables.CATEGORY_NAME)).isEqualTo("피부·건강 이상");

    // A process the case calls: its instance has the category the model passes in, and its tasks the name.
    String caseNumber = CaseDriver.registerCase(jdbc);
    ProcessInstance care = engine.getRuntimeService().startProcessInstanceByKey("care-visit", caseNumber,
        Map.of("caseNumber", caseNumber, "region", "seoul", "priority", "P1", "category", "INJURY",
            "customerName", "김민지", "customerPhone", "010-2345-6789", "description", "로고 조각에 손가락 베임"));
    Task visit = taskService.createTaskQuery().processInstanceId(care.getId()).singleResult();
    assertThat(taskService.getVariableLocal(visit.getId(), CaseVariables.CATEGORY_NAME)).isEqualTo("신체 상해");
  }

  /** A category no form names would show as its code on the cards. */
  @Test
  void theFormsNameEveryCategoryInKorean() {
    for (Category category : Category.values()) {
      assertThat(FormLabels.option(CaseVariables.CATEGORY, category.name())).as(category.name())
          .isNotEqualTo(category.name()).containsPattern("[가-힣]");
    }
    assertThat(FormLabels.option(CaseVariables.CATEGORY, "NO_SUCH_CATEGORY")).isEqualTo("NO_SUCH_CATEGORY");
  }
}
