package kr.complaintdesk.intake;

import static kr.complaintdesk.casefile.CaseVariables.CHANNEL;
import static kr.complaintdesk.casefile.CaseVariables.EXTERNAL_REF;
import static kr.complaintdesk.casefile.CaseVariables.IDEMPOTENCY_KEY;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.casefile.CaseVariables;
import kr.complaintdesk.platform.engine.EngineRefusals;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * Intake from every channel: exactly one case per submission. The same channel + external reference,
 * or the same idempotency key, returns the case the first submission created, also when duplicates
 * arrive at the same moment on different nodes (the database's unique constraints decide the winner).
 */
@Service
class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
  private static final int ATTEMPTS = 3;
  private static final String UNIQUE_VIOLATION = "23505";
  /**
   * After a collision, how long to look for the winning submission's case: the database refused the loser's
   * insert once the winner had committed, so it is there at once or, on a busy node, within a few reads. A
   * collision with another submission (the same new customer) leaves nothing to find: the loop starts again.
   */
  private static final RetryTemplate FIND_WINNER = RetryTemplate.builder()
      .maxAttempts(5)
      .exponentialBackoff(20, 2, 160)
      .retryOn(NotYet.class)
      .build();

  private static final class NotYet extends RuntimeException {
    NotYet() {
      super(null, null, false, false);
    }
  }

  private final RuntimeService runtimeService;
  private final CaseRecords cases;

  public IntakeService(RuntimeService runtimeService, CaseRecords cases) {
    this.runtimeService = runtimeService;
    this.cases = cases;
  }

  /**
   * The case of this submission and whether this call created it. A case this call created comes with the
   * priority its triage gave it during the start; for an earlier case {@code priority} is null (it may have
   * changed since), and the caller reads the current one.
   */
  public record Submitted(CaseRecord record, boolean created, String priority) {}

  /** Starts a case from intake variables; a rejected intake throws {@link CaseInputException} and stores nothing. */
  public Submitted submit(Map<String, Object> variables, String submittedBy) {
    String channel = (String) variables.get(CHANNEL);
    String externalRef = blankToNull(variables.get(EXTERNAL_REF));
    String idempotencyKey = blankToNull(variables.get(IDEMPOTENCY_KEY));
    RuntimeException lastConflict = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<CaseRecord> earlier = cases.findSubmission(channel, externalRef, idempotencyKey);
      if (earlier.isPresent()) {
        return new Submitted(earlier.get(), false, null);
      }
      try {
        // The start runs up to the first wait states, triage included, and returns the instance's variables as
        // they are then: the response needs no second query for the priority.
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(CaseInstances.CASE_PROCESS)
            .setVariables(variables)
            .setVariable(CaseVariables.SUBMITTED_BY, submittedBy)
            .executeWithVariablesInReturn();
        Object priority = instance.getVariables().get(PRIORITY);
        return new Submitted(cases.find(instance.getBusinessKey()).orElseThrow(), true,
            priority == null ? null : priority.toString());
      } catch (RuntimeException e) {
        if (!isDatabaseConflict(e)) {
          throw e;
        }
        lastConflict = e;
        LOG.info("Intake attempt {} collided with a concurrent submission; waiting for it", attempt);
        Optional<CaseRecord> winner = awaitSubmission(channel, externalRef, idempotencyKey);
        if (winner.isPresent()) {
          return new Submitted(winner.get(), false, null);
        }
      }
    }
    throw new SubmissionConflictException(lastConflict);
  }

  /** Concurrent submissions kept colliding and no earlier case could be found: the client should retry. */
  public static class SubmissionConflictException extends RuntimeException {
    SubmissionConflictException(Throwable cause) {
      super("intake kept colliding with concurrent submissions", cause);
    }
  }

  private Optional<CaseRecord> awaitSubmission(String channel, String externalRef, String idempotencyKey) {
    if (externalRef == null && idempotencyKey == null) {
      return Optional.empty();
    }
    return FIND_WINNER.execute(
        attempt -> Optional.of(cases.findSubmission(channel, externalRef, idempotencyKey).orElseThrow(NotYet::new)),
        exhausted -> Optional.<CaseRecord>empty());
  }

  /** A concurrent identical submission (unique violation) or a lost race with a concurrent transaction. */
  static boolean isDatabaseConflict(Throwable e) {
    if (EngineRefusals.isRace(e)) {
      return true;
    }
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof org.springframework.dao.DuplicateKeyException
          || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
