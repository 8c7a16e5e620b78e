package kr.complaintdesk.casefile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.complaintdesk.casefile.OfferLines.Line;
import kr.complaintdesk.platform.calendar.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every offer made in a case, line by line, with its approval and the customer's answer once they are known. Only
 * an offer within its preparer's authority or approved is put to the customer, so only such an offer is answered.
 */
@Repository
public class Offers {

  /** Where an offer stands with its approval. */
  public enum Approval { NOT_NEEDED, PENDING, APPROVED, REJECTED }

  private final JdbcTemplate jdbc;

  public Offers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An offer as staff see it with the case; {@code accepted} and {@code respondedAt} stay null until the customer
   * answers, {@code approvedBy} until an approver decides. {@code amountKrw} is the total of the lines.
   */
  public record Offer(long id, int round, boolean finalOffer, String remedy, long amountKrw, String text, String preparedBy,
      OffsetDateTime createdAt, Boolean accepted, OffsetDateTime respondedAt, List<Line> lines, Approval approval,
      String approvedBy, String approvalNote, OffsetDateTime approvedAt) {}

  /** Records a prepared offer, waiting for approval or ({@code approval} NOT_NEEDED) ready to be presented. */
  public long record(String caseNumber, int round, boolean finalOffer, List<Line> lines, String text, String preparedBy,
      Approval approval) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("INSERT INTO offer (case_number, round_no, final_offer, remedy, amount_krw, "
          + "offer_text, prepared_by, created_at, approval_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, caseNumber);
      insert.setInt(2, round);
      insert.setBoolean(3, finalOffer);
      insert.setString(4, lines.isEmpty() ? Remedy.APOLOGY.name() : lines.get(0).remedy().name());
      insert.setLong(5, OfferLines.total(lines));
      insert.setString(6, text);
      insert.setString(7, preparedBy);
      insert.setObject(8, EngineClock.now());
      insert.setString(9, approval.name());
      return insert;
    }, key);
    long id = key.getKey().longValue();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      jdbc.update("INSERT INTO offer_line (offer_id, line_no, remedy, amount_krw, description, basis) VALUES (?, ?, ?, ?, ?, ?)",
          id, i + 1, line.remedy().name(), line.amountKrw(), line.description(), line.basis());
    }
    return id;
  }

  /** Stores the approver's decision on an offer waiting for it; false when it waits for none. */
  public boolean decide(long offerId, boolean approved, String approver, String note) {
    return jdbc.update("UPDATE offer SET approval_state = ?, approved_by = ?, approval_note = ?, approved_at = ? "
        + "WHERE id = ? AND approval_state = 'PENDING'",
        (approved ? Approval.APPROVED : Approval.REJECTED).name(), approver, note, EngineClock.now(), offerId) > 0;
  }

  /** Marks an offer waiting for approval as within its preparer's authority. */
  public void withinAuthority(long offerId) {
    jdbc.update("UPDATE offer SET approval_state = 'NOT_NEEDED' WHERE id = ? AND approval_state = 'PENDING'", offerId);
  }

  /**
   * The lines of an offer the customer accepted after it was approved or found within its preparer's authority: what
   * compensation fulfils, whatever a process variable says. Empty when the offer is not such an offer.
   */
  public List<Line> acceptedLines(String caseNumber, long offerId) {
    return jdbc.query("SELECT l.* FROM offer_line l JOIN offer o ON o.id = l.offer_id WHERE o.id = ? AND o.case_number = ? "
        + "AND o.accepted = TRUE AND o.approval_state IN ('NOT_NEEDED', 'APPROVED') ORDER BY l.line_no", (rs, n) -> new Line(
        Remedy.valueOf(rs.getString("remedy")), rs.getLong("amount_krw"), rs.getString("description"),
        rs.getString("basis")), offerId, caseNumber);
  }

  /**
   * Whether the case has an offer that was approved (or found within its preparer's authority) before the customer
   * heard it: such a case is paid from its stored lines only. An offer a case of the earlier model prepared is
   * recorded as waiting for an approval that model never asks for, and does not count.
   */
  public boolean madeWithApproval(String caseNumber) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM offer WHERE case_number = ? "
        + "AND approval_state IN ('NOT_NEEDED', 'APPROVED')", Integer.class, caseNumber);
    return count != null && count > 0;
  }

  /**
   * Stores the customer's answer on the offer on the table ({@code offerId}) when it was presented and waits for one;
   * a case from before offers had ids answers its latest presented offer. False when none waits.
   */
  public boolean answer(String caseNumber, Object offerId, boolean accepted) {
    if (offerId instanceof Number id) {
      return jdbc.update("UPDATE offer SET accepted = ?, responded_at = ? WHERE id = ? AND case_number = ? AND accepted IS NULL "
          + "AND approval_state IN ('NOT_NEEDED', 'APPROVED')", accepted, EngineClock.now(), id.longValue(), caseNumber) > 0;
    }
    return answer(caseNumber, accepted);
  }

  /** Stores the customer's answer on the latest presented offer still waiting for one; false when none waits. */
  public boolean answer(String caseNumber, boolean accepted) {
    return jdbc.update("UPDATE offer SET accepted = ?, responded_at = ? WHERE id = (SELECT MAX(id) FROM offer "
        + "WHERE case_number = ? AND accepted IS NULL AND (approval_state IS NULL OR approval_state IN ('NOT_NEEDED', 'APPROVED')))",
        accepted, EngineClock.now(), caseNumber) > 0;
  }

  /** The offers of a case with their lines, oldest first. */
  public List<Offer> of(String caseNumber) {
    Map<Long, List<Line>> lines = jdbc.query("SELECT l.* FROM offer_line l JOIN offer o ON o.id = l.offer_id "
        + "WHERE o.case_number = ? ORDER BY l.offer_id, l.line_no", (rs, n) -> Map.entry(rs.getLong("offer_id"),
            new Line(Remedy.valueOf(rs.getString("remedy")), rs.getLong("amount_krw"), rs.getString("description"),
                rs.getString("basis"))), caseNumber).stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return jdbc.query("SELECT * FROM offer WHERE case_number = ? ORDER BY id", (rs, n) -> {
      long id = rs.getLong("id");
      String approval = rs.getString("approval_state");
      return new Offer(id, rs.getInt("round_no"), rs.getBoolean("final_offer"), rs.getString("remedy"),
          rs.getLong("amount_krw"), rs.getString("offer_text"), rs.getString("prepared_by"),
          rs.getObject("created_at", OffsetDateTime.class), (Boolean) rs.getObject("accepted"),
          rs.getObject("responded_at", OffsetDateTime.class), new ArrayList<>(lines.getOrDefault(id, List.of())),
          approval == null ? null : Approval.valueOf(approval), rs.getString("approved_by"), rs.getString("approval_note"),
          rs.getObject("approved_at", OffsetDateTime.class));
    }, caseNumber);
  }
}
