package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;
import static kr.complaintdesk.casefile.CaseVariables.OFFER_ID;

import java.util.List;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Line;
import kr.complaintdesk.casefile.Offers;
import kr.complaintdesk.casefile.Remedy;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The accepted offer's lines as compensation fulfils them, one instance of "해결안 항목 이행" per line, in parallel:
 * the model reads how many lines there are, and each instance takes its line ({@link TakeOfferLineListener}). The lines are the case file's: those of
 * the offer the customer accepted after approval, so a process variable changed on the way pays nothing else.
 */
@Component("fulfilmentLines")
public class FulfilmentLines {

  private final Offers offers;

  public FulfilmentLines(Offers offers) {
    this.offers = offers;
  }

  /** Whether the accepted offer has a line to pay, credit or send (not only an apology). */
  public boolean needed(VariableScope scope) {
    return lines(scope).stream().anyMatch(line -> line.remedy() != Remedy.APOLOGY);
  }

  public int count(VariableScope scope) {
    return lines(scope).size();
  }

  /** The lines as the approver reads them: numbered, with basis and total. */
  public String listing(VariableScope scope) {
    return OfferLines.listing(lines(scope));
  }

  /** The stored line {@code lineNo} (from 1) of the accepted offer, as compensation pays it. */
  public Line line(DelegateExecution execution, int lineNo) {
    return lines(execution).get(lineNo - 1);
  }

  /**
   * The accepted offer's lines as the case file stores them. A case whose offer was made before offers had lines (no
   * offer id, no offer approved in this way) carries its lines, or its single remedy and amount, in variables; any
   * other case without a valid offer id is refused rather than paid from variables.
   */
  private List<Line> lines(VariableScope scope) {
    String caseNumber = scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey()
        : String.valueOf(scope.getVariable(CASE_NUMBER));
    if (scope.getVariable(OFFER_ID) instanceof Number offerId) {
      List<Line> lines = offers.acceptedLines(caseNumber, offerId.longValue());
      if (lines.isEmpty()) {
        throw new IllegalStateException("Offer " + offerId + " of case " + caseNumber
            + " was not accepted after approval; nothing to fulfil");
      }
      return lines;
    }
    if (offers.madeWithApproval(caseNumber)) {
      throw new IllegalStateException("Case " + caseNumber + " has offers approved before the customer heard them, "
          + "but compensation got no offer id; nothing is paid from variables");
    }
    return OfferLines.of(scope);
  }
}
