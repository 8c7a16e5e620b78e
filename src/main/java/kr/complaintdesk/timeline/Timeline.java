package kr.complaintdesk.timeline;

import java.time.OffsetDateTime;
import java.util.List;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Everything that happened in a case, in order, with who and when: intake, decisions, completed tasks,
 * contacts, offers, approvals, payouts, messages and merges of the customer. Written in the same transaction as
 * the step it records, so the timeline never shows a step that was rolled back.
 */
@Repository
public class Timeline {

  private final JdbcTemplate jdbc;

  public Timeline(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What kind of step an entry records. */
  public enum Kind {
    INTAKE, DECISION, TASK_COMPLETED, CONTACT, PROMISE, NOTICE, ESCALATION, OFFER, CUSTOMER_RESPONSE, PAYOUT, MESSAGE,
    WITHDRAWAL, CLOSED, CUSTOMER_MERGED
  }

  public record Entry(long id, String caseNumber, OffsetDateTime occurredAt, Kind kind, String actor, String summary,
      String details) {}

  public void record(String caseNumber, Kind kind, String actor, String summary, String details) {
    jdbc.update("INSERT INTO timeline_entry (case_number, occurred_at, kind, actor, summary, details) VALUES (?, ?, ?, ?, ?, ?)",
        caseNumber, EngineClock.now(), kind.name(), actor, truncate(summary, 500), truncate(details, 4000));
  }

  public List<Entry> of(String caseNumber) {
    return jdbc.query("SELECT * FROM timeline_entry WHERE case_number = ? ORDER BY id", (rs, n) -> new Entry(
        rs.getLong("id"), rs.getString("case_number"), rs.getObject("occurred_at", OffsetDateTime.class),
        Kind.valueOf(rs.getString("kind")), rs.getString("actor"), rs.getString("summary"), rs.getString("details")),
        caseNumber);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
