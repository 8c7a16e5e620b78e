package kr.complaintdesk.platform.sla;

import static kr.complaintdesk.support.KoreanTime.kst;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import kr.complaintdesk.platform.calendar.BusinessCalendar;
import kr.complaintdesk.platform.sla.ServiceLevel.Unit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service-levels table as shipped, pinned to the numbers the SOP and the field agreed on. The process tests
 * read their deadlines from the deployed table (so a process owner's change does not break them); this test is
 * what fails when a shipped number changes by accident, and it counts the dates with literal Korean times, not
 * with the code that computes them for the models.
 */
class ShippedServiceLevelsTest {

  static final Path TABLE = Path.of("processes/service-levels.dmn");
  static DmnDecision decision;
  static DmnEngine dmn;

  @BeforeAll
  static void parseTable() throws IOException {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(TABLE)) {
      decision = dmn.parseDecision(ServiceLevels.DECISION_KEY, in);
    }
  }

  static ServiceLevel shipped(String row) {
    DmnDecisionRuleResult entries = dmn.evaluateDecisionTable(decision, Variables.putValue(ServiceLevels.SLA, row))
        .getSingleResult();
    Number amount = entries.getEntry(ServiceLevels.AMOUNT);
    return new ServiceLevel(row, amount.intValue(), Unit.valueOf(entries.getEntry(ServiceLevels.UNIT)), "shipped");
  }

  @ParameterizedTest(name = "{0} = {1} {2}")
  @CsvSource({
    // SOP 6: reminder after 3 business days, closed as no-response after 14 days
    "OFFER_REMINDER, 3, BUSINESS_DAYS",
    "OFFER_REMINDER_CALL, 8, BUSINESS_HOURS",
    "OFFER_NO_RESPONSE, 14, CALENDAR_DAYS",
    // SOP 8: follow-up a few business days after resolution
    "FOLLOW_UP_WAIT, 3, BUSINESS_DAYS",
    "FOLLOW_UP_CALL, 2, BUSINESS_DAYS",
    // SOP 4: care first
    "VISIT_SCHEDULING, 1, BUSINESS_DAYS",
    "RECOVERY_CHECK_INTERVAL, 3, BUSINESS_DAYS",
    "RECOVERY_CHECK, 1, BUSINESS_DAYS",
    // SOP 5: each analysis has an SLA with escalation
    "EVIDENCE_REVIEW, 2, BUSINESS_DAYS",
    "EXPERT_OPINION, 5, BUSINESS_DAYS",
    "QUALITY_INSPECTION, 3, BUSINESS_DAYS",
    "DELIVERY_INVESTIGATION, 2, BUSINESS_DAYS",
    // SOP 5, carrier claim (issue 14): the desk's own choice, said so in the row
    "CARRIER_CLAIM_FILING, 3, BUSINESS_DAYS",
    "CARRIER_CLAIM, 20, BUSINESS_DAYS",
    // SOP 5, no number in the SOP or the field reports: the desk's own choice, said so in the row
    "CAUSATION_VERDICT, 2, BUSINESS_DAYS",
    "ANALYSIS_CONCLUSION, 1, BUSINESS_DAYS",
    // SOP 6, the desk's own choice
    "OFFER_PREPARATION, 1, BUSINESS_DAYS",
    "FINAL_OFFER_PREPARATION, 1, BUSINESS_DAYS",
    "EXTERNAL_RECOURSE_NOTICE, 1, BUSINESS_DAYS",
    // SOP 7, the desk's own choice
    "COMPENSATION_APPROVAL, 1, BUSINESS_DAYS",
    "REPLACEMENT_SHIPMENT, 2, BUSINESS_DAYS",
    "RESOURCING, 3, BUSINESS_DAYS",
    "RESOURCING_CONFIRMATION, 1, BUSINESS_DAYS",
    // SOP 9, the desk's own choice
    "PREVENTION_PLAN, 10, BUSINESS_DAYS",
    "PREVENTION_IMPLEMENTATION, 20, BUSINESS_DAYS",
    // SOP 7: returns before the refund
    "RETURN_ARRIVAL, 7, BUSINESS_DAYS",
    "RETURN_CHASE, 8, BUSINESS_HOURS",
    // SOP 9: review effectiveness after 30 days
    "EFFECTIVENESS_REVIEW_WAIT, 30, CALENDAR_DAYS",
    "EFFECTIVENESS_REVIEW, 5, BUSINESS_DAYS",
  })
  void theShippedRowHoldsTheAgreedNumber(String row, int amount, Unit unit) {
    ServiceLevel level = shipped(row);
    assertThat(level.amount()).isEqualTo(amount);
    assertThat(level.unit()).isEqualTo(unit);
  }

  @Test
  void everyShippedRowIsPinnedHere() throws IOException {
    String xml = Files.readString(TABLE);
    List<String> rows = Pattern.compile("<inputEntry[^>]*>\\s*<text>\"([A-Z0-9_]+)\"</text>").matcher(xml).results()
        .map(match -> match.group(1)).sorted().toList();
    assertThat(rows).containsExactly(
        "ANALYSIS_CONCLUSION", "CARRIER_CLAIM", "CARRIER_CLAIM_FILING", "CAUSATION_VERDICT", "COMPENSATION_APPROVAL",
        "DELIVERY_INVESTIGATION", "EFFECTIVENESS_REVIEW", "EFFECTIVENESS_REVIEW_WAIT", "EVIDENCE_REVIEW",
        "EXPERT_OPINION", "EXTERNAL_RECOURSE_NOTICE", "FINAL_OFFER_PREPARATION", "FOLLOW_UP_CALL", "FOLLOW_UP_WAIT",
        "OFFER_NO_RESPONSE", "OFFER_PREPARATION", "OFFER_REMINDER", "OFFER_REMINDER_CALL", "PREVENTION_IMPLEMENTATION",
        "PREVENTION_PLAN", "QUALITY_INSPECTION", "RECOVERY_CHECK", "RECOVERY_CHECK_INTERVAL", "REPLACEMENT_SHIPMENT",
        "RESOURCING", "RESOURCING_CONFIRMATION", "RETURN_ARRIVAL", "RETURN_CHASE", "VISIT_SCHEDULING");
  }

  /** The shipped rows counted on the Korean calendar, each expectation a literal date a person can check. */
  @ParameterizedTest(name = "{0} from {1} → {2}")
  @CsvSource({
    // Friday 2026-12-18 10:00: the weekend and Christmas (Friday 25th) are skipped
    "OFFER_REMINDER, 2026-12-18T10:00, 2026-12-23T10:00",
    "EVIDENCE_REVIEW, 2026-12-23T10:00, 2026-12-28T10:00",
    // 8 business hours from Thursday 16:00 (09:00–18:00 days): 2 on Thursday, 6 on Monday after Christmas
    "RETURN_CHASE, 2026-12-24T16:00, 2026-12-28T15:00",
    // calendar days count weekends and holidays
    "OFFER_NO_RESPONSE, 2026-12-18T10:00, 2027-01-01T10:00",
    "EFFECTIVENESS_REVIEW_WAIT, 2027-01-15T09:30, 2027-02-14T09:30",
    // Seollal 2027 (6–9 February, with the substitute day) is skipped
    "EXPERT_OPINION, 2027-02-05T11:00, 2027-02-16T11:00",
    // an approval asked on Christmas Eve afternoon is due after Christmas and the weekend
    "COMPENSATION_APPROVAL, 2026-12-24T15:00, 2026-12-28T15:00",
    // a replacement shipped from 30 December: 31 December counts, 신정 and the weekend do not
    "REPLACEMENT_SHIPMENT, 2026-12-30T11:00, 2027-01-04T11:00",
    "PREVENTION_PLAN, 2026-11-23T10:00, 2026-12-07T10:00",
    // a carrier claim due on Christmas Eve: Christmas and the weekend do not count
    "CARRIER_CLAIM_FILING, 2026-12-24T10:00, 2026-12-30T10:00",
    "CARRIER_CLAIM, 2026-11-23T10:00, 2026-12-21T10:00",
  })
  void theShippedRowsFallOnTheseKoreanDates(String row, String start, String due) {
    assertThat(shipped(row).after(kst(start), BusinessCalendar.defaults())).isEqualTo(kst(due));
  }

  /** The law's deadline is not in the table; it counts from the day the company learned of the event, that day excluded. */
  @ParameterizedTest(name = "REGULATOR_REPORT known on {0} → {1}")
  @CsvSource({
    "2026-12-20, 2027-01-04T18:00",
    // calendar days: ending on a Saturday, it stays there
    "2026-03-13, 2026-03-28T18:00",
  })
  void theRegulatorReportIsDueAtClosingTimeOfTheFifteenthDayAfterTheCompanyLearned(String knownOn, String due) {
    assertThat(LegalDeadline.REGULATOR_REPORT.level().afterDay(java.time.LocalDate.parse(knownOn), BusinessCalendar.defaults()))
        .isEqualTo(kst(due));
  }
}
