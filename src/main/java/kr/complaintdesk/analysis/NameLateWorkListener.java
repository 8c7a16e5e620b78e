package kr.complaintdesk.analysis;

import static kr.complaintdesk.casefile.CaseVariables.LATE_WORK;

import java.util.regex.Matcher;
import kr.complaintdesk.platform.sla.ServiceLevels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * On an SLA boundary timer: remembers, on the path the timer starts, which task is late and by which
 * rule ("증거 검토 — 검토 SLA 지남 (2영업일)"), taken from the model's names and, for a timer that reads the
 * service-levels table, the row it reads, so that the chase task says it. The table's latest version gives the
 * amount. Several timers may fire side by side; each path keeps its own.
 */
@Component("nameLateWork")
class NameLateWorkListener implements ExecutionListener {

  private final ServiceLevels serviceLevels;

  public NameLateWorkListener(ServiceLevels serviceLevels) {
    this.serviceLevels = serviceLevels;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    String late = element.getName();
    if (element instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
      late = boundary.getAttachedTo().getName() + " — " + element.getName();
      String sla = serviceLevelOf(boundary);
      if (sla != null) {
        late += " (" + serviceLevels.level(sla).text() + ")";
      }
    }
    execution.setVariableLocal(LATE_WORK, late);
  }

  /** The service-levels row the boundary's timer reads, or null. */
  private static String serviceLevelOf(BoundaryEvent boundary) {
    for (TimerEventDefinition timer : boundary.getChildElementsByType(TimerEventDefinition.class)) {
      TimeDate date = timer.getTimeDate();
      if (date != null) {
        Matcher named = ServiceLevels.NAMED_IN_EXPRESSION.matcher(date.getTextContent());
        if (named.find()) {
          return named.group(1);
        }
      }
    }
    return null;
  }
}
