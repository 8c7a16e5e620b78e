package kr.complaintdesk.compensation;

import java.util.List;
import kr.complaintdesk.casefile.OfferLines;
import kr.complaintdesk.casefile.OfferLines.Line;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The accepted offer's lines as compensation fulfils them, one instance of "해결안 항목 이행" per line, in parallel:
 * the model reads how many lines there are and, for the instance of line {@code index} (its {@code loopCounter}),
 * that line's remedy, amount and description into variables local to it.
 */
@Component("fulfilmentLines")
public class FulfilmentLines {

  public int count(VariableScope scope) {
    return OfferLines.of(scope).size();
  }

  public String remedy(VariableScope scope, int index) {
    return line(scope, index).remedy().name();
  }

  public long amount(VariableScope scope, int index) {
    return line(scope, index).amountKrw();
  }

  public String description(VariableScope scope, int index) {
    return line(scope, index).description();
  }

  private static Line line(VariableScope scope, int index) {
    List<Line> lines = OfferLines.of(scope);
    return lines.get(index);
  }
}
