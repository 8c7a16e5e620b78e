package kr.complaintdesk.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.util.Set;
import java.util.function.Supplier;
import kr.complaintdesk.platform.engine.EngineRefusals;
import kr.complaintdesk.platform.validation.Violations;
import kr.complaintdesk.platform.web.ApiProblem.FieldProblem;
import org.springframework.retry.support.RetryTemplate;

/**
 * What every endpoint of the case API does with a request, whichever phase it belongs to: who calls and whether
 * they may, whether the body keeps its rules, and a change that lost a race done again.
 */
public final class ApiRequests {

  /**
   * A change that lost a race with another change of the same case (the engine's optimistic locking, or the
   * database refusing the loser's write) is done again from the start, in a new transaction: contacts
   * arriving together are all recorded, and of two answers or withdrawals the second finds the case changed
   * and is refused with 409.
   */
  private static final RetryTemplate RACES = RetryTemplate.builder()
      .maxAttempts(5)
      .exponentialBackoff(20, 2, 320, true)
      .retryOn(RaceLost.class)
      .build();

  private ApiRequests() {}

  /** A case change that lost a race; its cause is what the engine or the database said. */
  static final class RaceLost extends RuntimeException {
    RaceLost(RuntimeException cause) {
      super(cause);
    }
  }

  /** Runs a case change under {@link #RACES}. */
  public static <T> T retryingRaces(Supplier<T> change) {
    return RACES.execute(attempt -> {
      try {
        return change.get();
      } catch (RuntimeException e) {
        EngineRefusals.Refused refused = EngineRefusals.classify(e);
        throw refused != null && refused.race() ? new RaceLost(e) : e;
      }
    });
  }

  /**
   * Refuses a request body that breaks its constraints, naming each field. Called after the caller's rights are
   * checked (not with {@code @Valid}), so that who may not do something learns that first.
   */
  public static void requireValid(Set<? extends ConstraintViolation<?>> violations) {
    if (!violations.isEmpty()) {
      throw ApiProblem.invalid(Violations.inDeclaredOrder(violations, FieldProblem::new));
    }
  }

  public static ApiCaller caller(HttpServletRequest request) {
    return (ApiCaller) request.getAttribute(ApiAuthenticationFilter.CALLER);
  }

  public static ApiCaller requireStaff(HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.isStaff()) {
      throw ApiProblem.forbidden("사건과 고객 정보는 사건을 맡는 직원만 조회하거나 바꿀 수 있습니다 (채널 연동 계정과 프로세스 오너는 할 수 없습니다)");
    }
    return caller;
  }

  /** The caller, if of the customer-service desk ({@link ApiCaller#isCustomerService}); else 403 with {@code refusal}. */
  public static ApiCaller requireCustomerService(HttpServletRequest request, String refusal) {
    ApiCaller caller = caller(request);
    if (!caller.isCustomerService()) {
      throw ApiProblem.forbidden(refusal);
    }
    return caller;
  }
}
