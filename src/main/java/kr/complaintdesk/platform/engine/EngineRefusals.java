package kr.complaintdesk.platform.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.complaintdesk.platform.engine.Refusal.Kind;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Remembers, for the web request being answered, why the engine refused a command: a {@link Refusal} of a
 * listener or delegate, a task someone else has claimed, or a concurrent change of the same task or case
 * (an optimistic-locking failure, or the database refusing a write that lost a race). The engine's own
 * exceptions stay as they are for Java callers; the engine APIs' answer is chosen from what was remembered
 * (see {@code platform.web.EngineApiRefusals}), because engine REST answers all of these with 500.
 *
 * <p>The interceptor runs outside the transaction, so it also sees failures of the commit itself.
 */
@Component
public class EngineRefusals extends AbstractProcessEnginePlugin {

  /**
   * What the database says when a write lost a race: a row it refers to was deleted meanwhile (foreign key;
   * 23506 on H2),
   * serialization failure, deadlock, lock not available, lock timeout (H2). A unique violation is not among
   * them: it is a rule of the data (intake treats a duplicate submission itself).
   */
  public static final Set<String> RACE_STATES = Set.of("23503", "23506", "40001", "40P01", "55P03", "HYT00");

  /** Why a command was refused: a refusal's kind and message, or a task's holder, or a lost race. */
  public record Refused(Kind kind, String message, String taskHolder, boolean race) {}

  /**
   * What one request saw: the first command that failed and what its failure was, and who was logged in when
   * the engine ran its commands.
   */
  public static final class Outcome {
    private RuntimeException failure;
    private Refused refused;
    private String userId;

    public RuntimeException failure() {
      return failure;
    }

    public Refused refused() {
      return refused;
    }

    public String userId() {
      return userId;
    }
  }

  private static final ThreadLocal<Outcome> CURRENT = new ThreadLocal<>();
  /** How many engine commands run on this thread, one inside the other (a service called from a listener). */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * Whether the command running now was started by another command (e.g. a listener that reassigns tasks)
   * rather than by the caller of the engine.
   */
  public static boolean inNestedCommand() {
    return DEPTH.get()[0] > 1;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new Recorder(configuration));
  }

  /** Starts remembering for the current thread's request; {@link #end()} returns what was remembered. */
  public static void begin() {
    CURRENT.set(new Outcome());
  }

  public static Outcome end() {
    Outcome outcome = CURRENT.get();
    CURRENT.remove();
    return outcome == null ? new Outcome() : outcome;
  }

  /** Whether the exception says a write lost a race with another transaction. */
  public static boolean isRace(Throwable exception) {
    Refused refused = classify(exception);
    return refused != null && refused.race();
  }

  /** What the exception says about the refusal, or null when it is none of the refusals above. */
  public static Refused classify(Throwable exception) {
    int depth = 0;
    for (Throwable t = exception; t != null && depth < 30; t = t.getCause(), depth++) {
      if (t instanceof Refusal refusal) {
        return new Refused(refusal.kind(), refusal.getMessage(), null, false);
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return new Refused(Kind.CONFLICT, null, claimed.getTaskAssignee(), false);
      }
      if (t instanceof OptimisticLockingException
          || t instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())) {
        return new Refused(Kind.CONFLICT, null, null, true);
      }
    }
    return null;
  }

  static final class Recorder extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Recorder(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        return record(command);
      } finally {
        depth[0]--;
      }
    }

    private <T> T record(Command<T> command) {
      Outcome outcome = CURRENT.get();
      if (outcome == null) {
        return next.execute(command);
      }
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      if (authentication != null && authentication.getUserId() != null) {
        outcome.userId = authentication.getUserId();
      }
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        // The innermost command that failed knows best; outer commands see the same exception again.
        if (outcome.failure == null) {
          outcome.failure = e;
          outcome.refused = classify(e);
        }
        throw e;
      }
    }
  }
}
