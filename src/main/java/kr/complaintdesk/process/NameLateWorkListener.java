package kr.complaintdesk.process;

import static kr.complaintdesk.process.CaseVariables.LATE_WORK;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * On an SLA boundary timer: remembers, on the path the timer starts, which task is late and by which
 * rule ("증거 검토 — 검토 SLA 2영업일 지남"), taken from the model's names, so that the chase task says it.
 * Several timers may fire side by side; each path keeps its own.
 */
@Component("nameLateWork")
public class NameLateWorkListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    String late = element.getName();
    if (element instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      late = boundary.getAttachedTo().getName() + " — " + element.getName();
    }
    execution.setVariableLocal(LATE_WORK, late);
  }
}
