package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.*;

import kr.complaintdesk.casefile.OfferLines.Line;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * As an instance of "해결안 항목 이행" starts, it takes its line of the accepted offer (its {@code lineNo}) into
 * variables local to it, for the forms and the gateway on the remedy: one read of the case file per line.
 */
@Component("takeOfferLine")
class TakeOfferLineListener implements ExecutionListener {

  private final FulfilmentLines fulfilmentLines;

  TakeOfferLineListener(FulfilmentLines fulfilmentLines) {
    this.fulfilmentLines = fulfilmentLines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Line line = fulfilmentLines.line(execution, ((Number) execution.getVariable(LINE_NO)).intValue());
    execution.setVariableLocal(LINE_REMEDY, line.remedy().name());
    execution.setVariableLocal(LINE_AMOUNT, line.amountKrw());
    execution.setVariableLocal(LINE_DESCRIPTION, line.description());
  }
}
