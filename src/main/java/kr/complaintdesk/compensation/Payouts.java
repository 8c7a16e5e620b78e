package kr.complaintdesk.compensation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox of payouts: one row per idempotent reference, marked when the gateway confirmed it. */
@Repository
class Payouts {

  private final JdbcTemplate jdbc;

  public Payouts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The gateway's transaction id if this reference was already paid and committed. */
  public Optional<String> executed(String reference) {
    return jdbc.query("SELECT transaction_id FROM payout WHERE reference = ? AND executed_at IS NOT NULL",
        (rs, n) -> rs.getString(1), reference).stream().findFirst();
  }

  /** A payout the gateway confirmed, as staff see it with the case. */
  record Paid(String reference, String remedy, long amountKrw, String transactionId, OffsetDateTime paidAt) {}

  /** The confirmed payouts of a case, oldest first. */
  public List<Paid> of(String caseNumber) {
    return jdbc.query("SELECT * FROM payout WHERE case_number = ? AND executed_at IS NOT NULL ORDER BY executed_at, reference",
        (rs, n) -> new Paid(rs.getString("reference"), rs.getString("remedy"), rs.getLong("amount_krw"),
            rs.getString("transaction_id"), rs.getObject("executed_at", OffsetDateTime.class)), caseNumber);
  }

  public void record(PayoutGateway.Payout payout, String transactionId) {
    jdbc.update("INSERT INTO payout (reference, case_number, remedy, amount_krw, transaction_id, created_at, executed_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", payout.reference(), payout.caseNumber(), payout.remedy(), payout.amountKrw(),
        transactionId, EngineClock.now(), EngineClock.now());
  }
}
