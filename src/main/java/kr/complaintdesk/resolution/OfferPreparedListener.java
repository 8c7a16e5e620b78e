package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.List;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.engine.FormLabels;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Remembers who prepared the offer now on the table (four-eyes: they may not approve it) and counts
 * the agent's offer rounds, which decide when the lead must make the final offer.
 */
@Component("offerPrepared")
class OfferPreparedListener implements TaskListener {

  static final String PREPARE_OFFER_TASK = "UserTask_PrepareOffer";
  static final String FINAL_OFFER_TASK = "UserTask_PrepareFinalOffer";

  private final Offers offers;
  private final Timeline timeline;

  public OfferPreparedListener(Offers offers, Timeline timeline) {
    this.offers = offers;
    this.timeline = timeline;
  }

  @Override
  public void notify(DelegateTask task) {
    String preparedBy = CurrentUser.of(task);
    if (preparedBy == null) {
      throw new IllegalStateException("해결안은 담당자가 맡은(claim) 뒤에 완료할 수 있습니다");
    }
    String chosen = String.valueOf(task.getVariable(REMEDY));
    Object suggested = task.getVariable(SUGGESTED_REMEDIES);
    Object reason = task.getVariable(REMEDY_DEVIATION_REASON);
    if (suggested != null && !suggested.toString().isBlank()
        && !List.of(suggested.toString().split(",")).contains(chosen)
        && (reason == null || reason.toString().isBlank())) {
      throw Refusal.badInput("remedyDeviationReason", "보상 기준이 제안하지 않은 해결안(" + chosen
          + ")을 고르면 그 이유를 적어야 합니다");
    }
    task.setVariable(OFFER_PREPARED_BY, preparedBy);
    task.setVariable(OFFER_ACCEPTED, false);
    Object round = task.getVariable(OFFER_ROUND);
    int offerRound = round == null ? 0 : ((Number) round).intValue();
    if (PREPARE_OFFER_TASK.equals(task.getTaskDefinitionKey())) {
      offerRound++;
      task.setVariable(OFFER_ROUND, offerRound);
    }
    boolean finalOffer = FINAL_OFFER_TASK.equals(task.getTaskDefinitionKey());
    String caseNumber = string(task, CASE_NUMBER);
    String remedy = String.valueOf(task.getVariable(REMEDY));
    Object amount = task.getVariable(OFFER_AMOUNT);
    long amountKrw = amount instanceof Number n ? Math.round(n.doubleValue()) : 0;
    String offerText = string(task, OFFER_TEXT);
    offers.record(caseNumber, offerRound, finalOffer, remedy, amountKrw, offerText, preparedBy);
    String details = offerText;
    if (reason != null && !reason.toString().isBlank()) {
      details = details + "\n기준과 다른 해결안을 고른 이유: " + reason;
    }
    timeline.record(caseNumber, Timeline.Kind.OFFER, preparedBy,
        (finalOffer ? "최종 해결안" : task.getName()) + ": " + FormLabels.option(REMEDY, remedy) + " "
            + String.format("%,d", amountKrw) + "원", details);
  }
}
