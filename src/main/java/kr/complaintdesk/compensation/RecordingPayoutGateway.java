package kr.complaintdesk.compensation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Default gateway until a real payment system is connected: records each payout once per reference
 * and logs it; a repeated reference returns the first transaction id.
 */
@Component
@ConditionalOnMissingBean(value = PayoutGateway.class, ignored = RecordingPayoutGateway.class)
class RecordingPayoutGateway implements PayoutGateway {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingPayoutGateway.class);
  private final Map<String, String> executed = new ConcurrentHashMap<>();

  @Override
  public String execute(Payout payout) {
    return executed.computeIfAbsent(payout.reference(), reference -> {
      LOG.info("Recorded payout {} for case {}: {} {} KRW", reference, payout.caseNumber(), payout.remedy(), payout.amountKrw());
      return "REC-" + reference;
    });
  }
}
