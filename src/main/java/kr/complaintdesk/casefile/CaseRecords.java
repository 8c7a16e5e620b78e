package kr.complaintdesk.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The application's record of each case. A submission (channel + external reference, or an
 * idempotency key) can be recorded only once: the database's unique constraints make a concurrent
 * duplicate fail, so exactly one case exists per submission.
 */
@Repository
public class CaseRecords {

  public static final String OPEN = "OPEN";
  public static final String CLOSED = "CLOSED";

  private static final RowMapper<CaseRecord> MAPPER = (rs, n) -> new CaseRecord(
      rs.getString("case_number"), rs.getString("customer_id"), rs.getString("channel"), rs.getString("external_ref"),
      rs.getString("category"), rs.getString("status"), rs.getString("outcome"),
      rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));

  private final JdbcTemplate jdbc;

  public CaseRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record CaseRecord(String caseNumber, String customerId, String channel, String externalRef, String category,
      String status, String outcome, OffsetDateTime createdAt, OffsetDateTime closedAt) {

    public boolean isClosed() {
      return CLOSED.equals(status);
    }
  }

  /** Records a new case; a duplicate submission fails with a {@code DuplicateKeyException}. */
  public void insert(String caseNumber, String customerId, String channel, String externalRef, String idempotencyKey,
      String category) {
    jdbc.update("INSERT INTO complaint_case (case_number, customer_id, channel, external_ref, idempotency_key, category, "
            + "status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        caseNumber, customerId, channel, externalRef, idempotencyKey, category, OPEN, EngineClock.now());
  }

  public Optional<CaseRecord> find(String caseNumber) {
    return jdbc.query("SELECT * FROM complaint_case WHERE case_number = ?", MAPPER, caseNumber).stream().findFirst();
  }

  /** The case an earlier identical submission created, if any. */
  public Optional<CaseRecord> findSubmission(String channel, String externalRef, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<CaseRecord> byKey = jdbc.query("SELECT * FROM complaint_case WHERE idempotency_key = ?", MAPPER, idempotencyKey)
          .stream().findFirst();
      if (byKey.isPresent()) {
        return byKey;
      }
    }
    if (channel != null && externalRef != null) {
      return jdbc.query("SELECT * FROM complaint_case WHERE channel = ? AND external_ref = ?", MAPPER, channel, externalRef)
          .stream().findFirst();
    }
    return Optional.empty();
  }

  public List<CaseRecord> ofCustomer(String customerId) {
    return jdbc.query("SELECT * FROM complaint_case WHERE customer_id = ? ORDER BY created_at, case_number", MAPPER, customerId);
  }

  /**
   * Holds the case's row until the transaction ends: changes of one case through the case API run one after
   * another, and each sees what the one before it committed (a withdrawn case, an offer already answered).
   */
  public void lockForChange(String caseNumber) {
    jdbc.queryForList("SELECT case_number FROM complaint_case WHERE case_number = ? FOR UPDATE", String.class, caseNumber);
  }

  /** Staff corrected what the complaint is about. */
  public void reclassify(String caseNumber, String category) {
    jdbc.update("UPDATE complaint_case SET category = ? WHERE case_number = ?", category, caseNumber);
  }

  public void close(String caseNumber, String outcome) {
    jdbc.update("UPDATE complaint_case SET status = ?, outcome = ?, closed_at = ? WHERE case_number = ?",
        CLOSED, outcome, EngineClock.now(), caseNumber);
  }
}
