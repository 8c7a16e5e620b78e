package kr.complaintdesk.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every offer made in a case, with the customer's answer once it is known. */
@Repository
public class Offers {

  private final JdbcTemplate jdbc;

  public Offers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An offer as staff see it with the case; {@code accepted} and {@code respondedAt} stay null until the customer answers. */
  public record Offer(int round, boolean finalOffer, String remedy, long amountKrw, String text, String preparedBy,
      OffsetDateTime createdAt, Boolean accepted, OffsetDateTime respondedAt) {}

  public void record(String caseNumber, int round, boolean finalOffer, String remedy, long amountKrw, String text,
      String preparedBy) {
    jdbc.update("INSERT INTO offer (case_number, round_no, final_offer, remedy, amount_krw, offer_text, prepared_by, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", caseNumber, round, finalOffer, remedy, amountKrw, text, preparedBy, EngineClock.now());
  }

  /** Stores the customer's answer on the latest offer still waiting for one; false when none waits. */
  public boolean answer(String caseNumber, boolean accepted) {
    return jdbc.update("UPDATE offer SET accepted = ?, responded_at = ? WHERE id = (SELECT MAX(id) FROM offer "
        + "WHERE case_number = ? AND accepted IS NULL)", accepted, EngineClock.now(), caseNumber) > 0;
  }

  /** The offers of a case, oldest first. */
  public List<Offer> of(String caseNumber) {
    return jdbc.query("SELECT * FROM offer WHERE case_number = ? ORDER BY id", (rs, n) -> new Offer(rs.getInt("round_no"),
        rs.getBoolean("final_offer"), rs.getString("remedy"), rs.getLong("amount_krw"), rs.getString("offer_text"),
        rs.getString("prepared_by"), rs.getObject("created_at", OffsetDateTime.class), (Boolean) rs.getObject("accepted"),
        rs.getObject("responded_at", OffsetDateTime.class)), caseNumber);
  }
}
