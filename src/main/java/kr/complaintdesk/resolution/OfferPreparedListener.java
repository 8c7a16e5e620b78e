package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Line;
import kr.complaintdesk.casefile.OfferLines.Suggestion;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.security.CurrentUser;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a prepared offer line by line, waiting for its approval round; remembers who prepared it (four-eyes:
 * they may not approve it) and counts the rounds put to the customer, which decide when the lead makes the final
 * offer. An offer the approver sent back is prepared again in the same round.
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
    List<Line> lines = OfferLines.enteredInForm(task) ? OfferLines.fromForm(task) : OfferLines.of(task);
    if (lines.isEmpty()) {
      throw Refusal.badInput(OFFER_LINES, "해결안 항목을 하나 이상 적으세요 (보상이 없으면 '사과·설명')");
    }
    List<Suggestion> suggested = OfferLines.suggestions(task, SUGGESTED_LINES);
    lines = withBasis(lines, suggested);
    Object reason = task.getVariable(REMEDY_DEVIATION_REASON);
    boolean explained = reason != null && !reason.toString().isBlank();
    List<String> deviations = deviations(lines, suggested);
    if (!deviations.isEmpty() && !explained) {
      throw Refusal.badInput(REMEDY_DEVIATION_REASON, "보상 기준의 제안과 다른 항목("
          + String.join(", ", deviations) + ")이 있으면 그 이유를 적어야 합니다");
    }
    boolean finalOffer = FINAL_OFFER_TASK.equals(task.getTaskDefinitionKey());
    Object round = task.getVariable(OFFER_ROUND);
    int offerRound = round == null ? 0 : ((Number) round).intValue();
    // A round is an offer put to the customer: one the approver sent back is prepared again in its round.
    boolean sentBack = Boolean.FALSE.equals(task.getVariable(OFFER_APPROVED));
    if (PREPARE_OFFER_TASK.equals(task.getTaskDefinitionKey()) && !(sentBack && offerRound > 0)) {
      offerRound++;
    }
    String caseNumber = string(task, CASE_NUMBER);
    String offerText = string(task, OFFER_TEXT);
    long total = OfferLines.total(lines);
    task.setVariable(OFFER_ROUND, offerRound);
    task.setVariable(OFFER_PREPARED_BY, preparedBy);
    task.setVariable(OFFER_ACCEPTED, false);
    task.setVariable(OFFER_APPROVED, null);
    task.setVariable(APPROVAL_NOTE, null);
    task.setVariable(OFFER_LINES, OfferLines.value(lines));
    task.setVariable(OFFER_TOTAL, total);
    task.setVariable(OFFER_SUMMARY, OfferLines.listing(lines));
    task.setVariable(OFFER_ID, offers.record(caseNumber, offerRound, finalOffer, lines, offerText, preparedBy,
        Offers.Approval.PENDING));
    String details = lines.stream().map(line -> "• " + line.summary() + (line.basis() == null ? "" : " — " + line.basis()))
        .collect(Collectors.joining("\n")) + "\n" + offerText;
    if (!deviations.isEmpty()) {
      details = details + "\n보상 기준과 다른 항목(" + String.join(", ", deviations) + ")의 이유: " + reason;
    }
    timeline.record(caseNumber, Timeline.Kind.OFFER, preparedBy,
        (finalOffer ? "최종 해결안" : task.getName()) + " (" + offerRound + "차, 합계 " + String.format("%,d원", total) + "): "
            + lines.stream().map(line -> line.remedy().label()).collect(Collectors.joining(", ")), details);
    // The reason explains this offer; the next round needs its own.
    task.setVariable(REMEDY_DEVIATION_REASON, null);
  }

  /**
   * Each line with the basis of a suggestion of the same remedy and amount (or of a suggestion that left the amount
   * to staff) when staff's form did not carry it: an amount the table did not compute gets no basis of its own.
   */
  static List<Line> withBasis(List<Line> lines, List<Suggestion> suggested) {
    return lines.stream().map(line -> line.basis() != null ? line : suggested.stream()
        .filter(s -> s.remedy() == line.remedy())
        .filter(s -> s.amountKrw() == null || s.amountKrw() == line.amountKrw())
        .findFirst()
        .map(s -> new Line(line.remedy(), line.amountKrw(), line.description(), s.basis())).orElse(line)).toList();
  }

  /**
   * How the lines differ from what the policy table suggested: a remedy it did not suggest, or an amount other than
   * the one it computed ("환불 금액"). None when it suggested nothing.
   */
  static List<String> deviations(List<Line> lines, List<Suggestion> suggested) {
    if (suggested.isEmpty()) {
      return List.of();
    }
    List<String> deviations = new ArrayList<>();
    for (Line line : lines) {
      List<Suggestion> same = suggested.stream().filter(s -> s.remedy() == line.remedy()).toList();
      if (same.isEmpty()) {
        deviations.add(line.remedy().label());
      } else if (same.stream().noneMatch(s -> s.amountKrw() == null || s.amountKrw() == line.amountKrw())) {
        deviations.add(line.remedy().label() + " 금액");
      }
    }
    return deviations.stream().distinct().toList();
  }
}
