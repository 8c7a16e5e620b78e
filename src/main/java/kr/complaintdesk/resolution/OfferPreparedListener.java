package kr.complaintdesk.resolution;

import static kr.complaintdesk.process.CaseVariables.*;

import kr.complaintdesk.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Remembers who prepared the offer now on the table (four-eyes: they may not approve it) and counts
 * the agent's offer rounds, which decide when the lead must make the final offer.
 */
@Component("offerPrepared")
public class OfferPreparedListener implements TaskListener {

  static final String PREPARE_OFFER_TASK = "UserTask_PrepareOffer";

  @Override
  public void notify(DelegateTask task) {
    String preparedBy = CurrentUser.of(task);
    if (preparedBy == null) {
      throw new IllegalStateException("해결안은 담당자가 맡은(claim) 뒤에 완료할 수 있습니다");
    }
    task.setVariable(OFFER_PREPARED_BY, preparedBy);
    task.setVariable(OFFER_ACCEPTED, false);
    if (PREPARE_OFFER_TASK.equals(task.getTaskDefinitionKey())) {
      Object round = task.getVariable(OFFER_ROUND);
      task.setVariable(OFFER_ROUND, round == null ? 1 : ((Number) round).intValue() + 1);
    }
  }
}
