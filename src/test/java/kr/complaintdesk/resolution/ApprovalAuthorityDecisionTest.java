package kr.complaintdesk.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.security.StaffGroup;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.variable.Variables;
import kr.complaintdesk.support.DecisionTableFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The least authority an offer needs before the customer hears it ({@code processes/approval-authority.dmn}),
 * evaluated by a standalone DMN engine: the limits at 30,000 and 300,000 won on both sides, and harm cases never below a lead.
 * A rule without an example fails {@link #everyRuleIsExercisedByAnExample()}.
 */
class ApprovalAuthorityDecisionTest {

  static final String DECISION_KEY = "approval-authority";
  /** Approver groups from least to most authority. */
  static final List<String> AUTHORITY_ORDER = List.of(StaffGroup.CS_AGENT, StaffGroup.CS_LEAD, StaffGroup.CS_DIRECTOR);

  static DecisionTableFile table;

  record Example(boolean harm, long offerAmount, String approverGroup) {}

  static Named<Example> example(String name, boolean harm, long offerAmount, String approverGroup) {
    return Named.of(name, new Example(harm, offerAmount, approverGroup));
  }

  static List<Named<Example>> examples() {
    return List.of(
        example("신체 피해, 1원 → 팀장: 상담원 한도 안이라도 (harm, 1 won: lead even below the agent limit)",
            true, 1, StaffGroup.CS_LEAD),
        example("신체 피해, 3만 원 → 팀장 (harm, 30,000)", true, 30_000, StaffGroup.CS_LEAD),
        example("신체 피해, 30만 원 → 팀장 (harm, 300,000: lead limit inclusive)", true, 300_000, StaffGroup.CS_LEAD),
        example("신체 피해, 30만 1원 → 책임자 (harm, 300,001)", true, 300_001, StaffGroup.CS_DIRECTOR),
        example("신체 피해, 200만 원 치료비 → 책임자 (harm, 2,000,000 treatment costs)",
            true, 2_000_000, StaffGroup.CS_DIRECTOR),
        example("피해 없음, 0원 → 상담원 권한 (no harm, 0)", false, 0, StaffGroup.CS_AGENT),
        example("피해 없음, 3만 원 → 상담원 권한 (no harm, 30,000: agent limit inclusive)",
            false, 30_000, StaffGroup.CS_AGENT),
        example("피해 없음, 3만 1원 → 팀장 (no harm, 30,001)", false, 30_001, StaffGroup.CS_LEAD),
        example("피해 없음, 30만 원 → 팀장 (no harm, 300,000: lead limit inclusive)", false, 300_000, StaffGroup.CS_LEAD),
        example("피해 없음, 30만 1원 → 책임자 (no harm, 300,001)", false, 300_001, StaffGroup.CS_DIRECTOR),
        example("피해 없음, 500만 원 → 책임자 (no harm, 5,000,000)", false, 5_000_000, StaffGroup.CS_DIRECTOR));
  }

  @BeforeAll
  static void readTable() {
    table = DecisionTableFile.of(DECISION_KEY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplesGetTheirApprover(Example example) {
    DmnDecisionTableResult result = evaluate(example.harm(), example.offerAmount());

    assertThat(result).as("rules matched for %s", example).hasSize(1);
    assertThat(result.getSingleResult().getEntryMap())
        .as("outputs for %s", example)
        .containsExactlyInAnyOrderEntriesOf(Map.of("approverGroup", example.approverGroup()));
  }

  @Test
  void everyRuleIsExercisedByAnExample() {
    DecisionTableFile fresh = DecisionTableFile.of(DECISION_KEY);
    for (Named<Example> named : examples()) {
      fresh.evaluate(variables(named.getPayload().harm(), named.getPayload().offerAmount()));
    }

    assertThat(fresh.matchedRuleIds())
        .as("rules of %s matched by the examples; a rule without an example needs one in examples()", fresh.file())
        .isEqualTo(fresh.allRuleIds());
  }

  @ParameterizedTest(name = "harm={0}: a larger amount never needs less authority")
  @ValueSource(booleans = {false, true})
  void aLargerAmountNeverNeedsLessAuthority(boolean harm) {
    long[] amounts = {0, 1, 29_999, 30_000, 30_001, 100_000, 299_999, 300_000, 300_001, 1_000_000, 100_000_000};
    int previousRank = -1;
    for (long amount : amounts) {
      String approver = approverFor(harm, amount);
      assertThat(AUTHORITY_ORDER).as("approver for harm=%s, %d won", harm, amount).contains(approver);
      int rank = AUTHORITY_ORDER.indexOf(approver);
      assertThat(rank).as("authority for harm=%s, %d won (%s)", harm, amount, approver)
          .isGreaterThanOrEqualTo(previousRank);
      previousRank = rank;
    }
  }

  @ParameterizedTest(name = "{0} won: harm needs at least the authority of no harm, and never an agent")
  @ValueSource(longs = {0, 1, 30_000, 30_001, 300_000, 300_001, 10_000_000})
  void harmNeedsAtLeastALead(long amount) {
    String withHarm = approverFor(true, amount);
    String withoutHarm = approverFor(false, amount);

    assertThat(withHarm).as("approver for a harm case of %d won", amount).isNotEqualTo(StaffGroup.CS_AGENT);
    assertThat(AUTHORITY_ORDER.indexOf(withHarm))
        .as("authority of a harm case (%s) against the same amount without harm (%s), %d won", withHarm, withoutHarm, amount)
        .isGreaterThanOrEqualTo(AUTHORITY_ORDER.indexOf(withoutHarm));
  }

  static String approverFor(boolean harm, long amount) {
    DmnDecisionTableResult result = evaluate(harm, amount);
    assertThat(result).as("rules matched for harm=%s, %d won", harm, amount).hasSize(1);
    return result.getSingleResult().getEntry("approverGroup");
  }

  static DmnDecisionTableResult evaluate(boolean harm, long offerAmount) {
    return table.evaluate(variables(harm, offerAmount));
  }

  static Map<String, Object> variables(boolean harm, long offerAmount) {
    return Variables.createVariables().putValue("harm", harm).putValue("offerTotalKrw", offerAmount);
  }

}
