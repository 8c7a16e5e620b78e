package kr.complaintdesk.intake;

import static kr.complaintdesk.platform.web.ApiRequests.caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.intake.IntakeService.Submitted;
import kr.complaintdesk.platform.web.ApiCaller;
import kr.complaintdesk.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake from the channels (SOP.md, phase 1). The body is JSON whose enumerations and dates are strings, so that
 * each bad value gets its own message; it is checked where every intake is, when its case starts, against the
 * rules of {@link IntakeInput}, and a refusal names the fields of the request.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class IntakeController {

  private final IntakeService intake;
  private final CaseActions cases;

  IntakeController(IntakeService intake, CaseActions cases) {
    this.intake = intake;
    this.cases = cases;
  }

  @Schema(description = "불만 접수. channel + externalRef (또는 Idempotency-Key 헤더)가 같으면 같은 사건을 돌려줍니다.")
  record Intake(
      @Schema(example = "WEB", allowableValues = {"PHONE", "WEB", "EMAIL", "SNS", "COMMUNITY", "CONSUMER_AGENCY", "STORE"}) String channel,
      @Schema(description = "채널 쪽 게시글·티켓·기관 사건 번호") String externalRef,
      @Schema(example = "HEALTH_HARM") String category,
      Customer customer,
      Product product,
      String orderNo,
      @Schema(description = "주문 금액(원)", example = "39000") Long orderValue,
      @Schema(example = "2026-11-20") String occurredOn,
      String description,
      @Schema(example = "REFUND") String remedySought,
      Boolean externalThreat,
      String publicPostUrl,
      @Schema(description = "소비자기관(한국소비자원·1372)이 정한 회신 기한: CONSUMER_AGENCY 사건에는 필수, 다른 채널에는 입력 불가. "
          + "오늘부터 90일 안", example = "2026-12-10") String agencyReplyDue,
      @Schema(description = "회사가 (중대한) 이상사례를 처음 안 날: 식약처 보고 기한이 이날부터 셉니다. 오늘보다 뒤이거나 "
          + "occurredOn보다 앞설 수 없고, 없으면 접수일", example = "2026-11-21") String adverseEventKnownOn) {}

  record Customer(String name, String phone, String email, String snsHandle,
      @Schema(example = "busan") String region) {}

  record Product(String code, String name, String lot) {}

  record CaseCreated(String caseNumber, String priority, String status, String customerId) {}

  @PostMapping
  @Operation(summary = "불만 접수", description = "201: 새 사건. 200: 같은 채널 참조나 Idempotency-Key로 이미 만든 사건.")
  public ResponseEntity<CaseCreated> submit(@RequestBody Intake body,
      @Parameter(description = "같은 키로 다시 보내면 같은 사건을 돌려줍니다") @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.maySubmit()) {
      throw ApiProblem.forbidden("불만을 접수할 권한이 없습니다");
    }
    Submitted submitted;
    try {
      submitted = intake.submit(IntakeMapping.toVariables(body, idempotencyKey), caller.userId());
    } catch (CaseInputException e) {
      throw ApiProblem.invalid(IntakeMapping.fieldsOf(e));
    } catch (IntakeService.SubmissionConflictException e) {
      throw ApiProblem.conflict("같은 접수가 동시에 처리되고 있습니다. 잠시 후 같은 요청을 다시 보내 주세요.");
    }
    CaseRecord record = submitted.record();
    String priority = submitted.priority() != null ? submitted.priority() : cases.priority(record.caseNumber());
    CaseCreated created = new CaseCreated(record.caseNumber(), priority, record.status(), record.customerId());
    URI location = URI.create("/api/complaints/" + record.caseNumber());
    return submitted.created() ? ResponseEntity.created(location).body(created)
        : ResponseEntity.ok().location(location).body(created);
  }
}
