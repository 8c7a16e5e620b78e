package kr.complaintdesk.api;

import static kr.complaintdesk.process.CaseVariables.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import kr.complaintdesk.api.ApiProblem.FieldProblem;
import kr.complaintdesk.casefile.CaseActions.CaseView;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.intake.CaseRecords.CaseRecord;
import kr.complaintdesk.intake.IntakeService.Submitted;
import kr.complaintdesk.intake.IntakeService;
import kr.complaintdesk.intake.rules.Violations;
import kr.complaintdesk.process.EngineRefusals;
import kr.complaintdesk.resolution.Offers.Offer;
import kr.complaintdesk.timeline.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case API of SOP.md: intake from channels, the case, its timeline and what the customer says. */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
public class ComplaintController {

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

  /** A case change that lost a race; its cause is what the engine or the database said. */
  static final class RaceLost extends RuntimeException {
    RaceLost(RuntimeException cause) {
      super(cause);
    }
  }

  /** Runs a case change under {@link #RACES}. */
  private static <T> T retryingRaces(Supplier<T> change) {
    return RACES.execute(attempt -> {
      try {
        return change.get();
      } catch (RuntimeException e) {
        EngineRefusals.Refused refused = EngineRefusals.classify(e);
        throw refused != null && refused.race() ? new RaceLost(e) : e;
      }
    });
  }

  private final IntakeService intake;
  private final CaseActions cases;
  private final Timeline timeline;
  private final Validator validator;

  public ComplaintController(IntakeService intake, CaseActions cases, Timeline timeline, Validator validator) {
    this.intake = intake;
    this.cases = cases;
    this.timeline = timeline;
    this.validator = validator;
  }

  public record CaseCreated(String caseNumber, String priority, String status, String customerId) {}

  public record CaseDetails(String caseNumber, String channel, String category, String status, String outcome,
      String priority, String customerId, OffsetDateTime createdAt, OffsetDateTime closedAt, List<String> openTasks,
      List<Offer> offers) {}

  public record TimelineEntry(OffsetDateTime at, String kind, String actor, String summary, String details) {}

  @PostMapping
  @Operation(summary = "불만 접수", description = "201: 새 사건. 200: 같은 채널 참조나 Idempotency-Key로 이미 만든 사건.")
  public ResponseEntity<CaseCreated> submit(@RequestBody ComplaintRequests.Intake body,
      @Parameter(description = "같은 키로 다시 보내면 같은 사건을 돌려줍니다") @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.maySubmit()) {
      throw ApiProblem.forbidden("불만을 접수할 권한이 없습니다");
    }
    Submitted submitted = intake.submit(IntakeMapping.toVariables(body, idempotencyKey), caller.userId());
    CaseRecord record = submitted.record();
    String priority = submitted.priority() != null ? submitted.priority() : cases.priority(record.caseNumber());
    CaseCreated created = new CaseCreated(record.caseNumber(), priority, record.status(), record.customerId());
    URI location = URI.create("/api/complaints/" + record.caseNumber());
    return submitted.created() ? ResponseEntity.created(location).body(created)
        : ResponseEntity.ok().location(location).body(created);
  }

  @GetMapping("/{caseNumber}")
  @Operation(summary = "사건 조회", description = "상태, 결과, 우선순위, 고객, 열린 작업, 제시한 해결안과 고객의 답변")
  public CaseDetails get(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    CaseView view = cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    CaseRecord r = view.record();
    return new CaseDetails(r.caseNumber(), r.channel(), r.category(), r.status(), r.outcome(), view.priority(),
        r.customerId(), r.createdAt(), r.closedAt(), view.openTasks(), cases.offers(caseNumber));
  }

  @GetMapping("/{caseNumber}/timeline")
  @Operation(summary = "사건 타임라인", description = "접수, 결정, 완료된 작업, 연락, 해결안, 승인, 지급, 안내 발송을 순서대로")
  public List<TimelineEntry> timeline(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    return timeline.of(caseNumber).stream()
        .map(e -> new TimelineEntry(e.occurredAt(), e.kind().name(), e.actor(), e.summary(), e.details())).toList();
  }

  @PostMapping("/{caseNumber}/responses")
  @Operation(summary = "해결안에 대한 고객 답변 (메시지 CustomerResponded)")
  public Map<String, Object> respond(@PathVariable String caseNumber, @RequestBody ComplaintRequests.Response body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    requireValid(validator.validate(body));
    requireOpen(caseNumber);
    if (!retryingRaces(() -> cases.respond(caseNumber, body.accepted(), body.note(), caller.userId()))) {
      throw ApiProblem.conflict("사건 " + caseNumber + "에는 고객의 답을 기다리는 해결안이 없습니다");
    }
    return result(caseNumber, "accepted", body.accepted());
  }

  @PostMapping("/{caseNumber}/contacts")
  @Operation(summary = "고객 재연락 (메시지 CustomerContacted)")
  public ResponseEntity<Map<String, Object>> contact(@PathVariable String caseNumber,
      @RequestBody ComplaintRequests.Contact body, HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.maySubmit()) {
      throw ApiProblem.forbidden("고객 연락을 기록할 권한이 없습니다");
    }
    requireValid(validator.validate(body));
    requireOpen(caseNumber);
    retryingRaces(() -> {
      cases.recordContact(caseNumber, body.channel().strip(), body.note(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "recorded", true));
  }

  @PostMapping("/{caseNumber}/threats")
  @Operation(summary = "외부 위협 제기: 사건이 P1이 되고 홍보·리스크팀이 평가 (메시지 ExternalThreatRaised)")
  public ResponseEntity<Map<String, Object>> threat(@PathVariable String caseNumber,
      @RequestBody ComplaintRequests.Threat body, HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.maySubmit()) {
      throw ApiProblem.forbidden("외부 위협을 기록할 권한이 없습니다");
    }
    requireValid(validator.validate(body));
    requireOpen(caseNumber);
    retryingRaces(() -> {
      cases.raiseThreat(caseNumber, body.kind().strip(), body.note(), body.publicPostUrl(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "priority", "P1"));
  }

  @PostMapping("/{caseNumber}/abuse-reports")
  @Operation(summary = "폭언·폭행 신고: 팀장이 응대를 넘겨받고 보호 조치 기록 (메시지 AbuseReported)")
  public ResponseEntity<Map<String, Object>> abuse(@PathVariable String caseNumber,
      @RequestBody ComplaintRequests.AbuseReport body, HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    requireValid(validator.validate(body));
    requireOpen(caseNumber);
    retryingRaces(() -> {
      cases.reportAbuse(caseNumber, body.note(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "reported", true));
  }

  @PostMapping("/{caseNumber}/withdrawal")
  @Operation(summary = "불만 철회 (메시지 ComplaintWithdrawn)")
  public Map<String, Object> withdraw(@PathVariable String caseNumber, @RequestBody ComplaintRequests.Withdrawal body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    requireValid(validator.validate(body));
    requireOpen(caseNumber);
    retryingRaces(() -> {
      cases.withdraw(caseNumber, body.reason(), caller.userId());
      return null;
    });
    return result(caseNumber, "outcome", "WITHDRAWN");
  }

  private void requireOpen(String caseNumber) {
    CaseRecord record = cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber)).record();
    if (record.isClosed() || !cases.isRunning(caseNumber)) {
      throw ApiProblem.conflict("사건 " + caseNumber + "은(는) 이미 종결되었습니다"
          + (record.outcome() == null ? "" : " (결과: " + record.outcome() + ")"));
    }
  }

  static ApiProblem unknown(String caseNumber) {
    return ApiProblem.notFound("사건 " + caseNumber + "을(를) 찾을 수 없습니다");
  }

  /**
   * Refuses a request body that breaks its constraints, naming each field. Called after the caller's rights are
   * checked (not with {@code @Valid}), so that who may not do something learns that first.
   */
  static void requireValid(Set<? extends ConstraintViolation<?>> violations) {
    if (!violations.isEmpty()) {
      throw ApiProblem.invalid(Violations.inDeclaredOrder(violations, FieldProblem::new));
    }
  }

  static ApiCaller caller(HttpServletRequest request) {
    return (ApiCaller) request.getAttribute(ApiAuthenticationFilter.CALLER);
  }

  static ApiCaller requireStaff(HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.isStaff()) {
      throw ApiProblem.forbidden("사건과 고객 정보는 사건을 맡는 직원만 조회하거나 바꿀 수 있습니다 (채널 연동 계정과 프로세스 오너는 할 수 없습니다)");
    }
    return caller;
  }

  private static Map<String, Object> result(String caseNumber, String key, Object value) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(CASE_NUMBER, caseNumber);
    result.put(key, value);
    return result;
  }
}
