package kr.complaintdesk.anytime;

import static kr.complaintdesk.casefile.CaseApi.requireOpen;
import static kr.complaintdesk.casefile.CaseApi.requireStaffOrItsChannel;
import static kr.complaintdesk.casefile.CaseApi.result;
import static kr.complaintdesk.casefile.CaseMessages.NOTE;
import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;
import static kr.complaintdesk.platform.web.ApiRequests.requireValid;
import static kr.complaintdesk.platform.web.ApiRequests.retryingRaces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.util.Map;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.casefile.Channel;
import kr.complaintdesk.casefile.ThreatKind;
import kr.complaintdesk.platform.validation.Code;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.validation.WebAddress;
import kr.complaintdesk.platform.web.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happens to an open case at any time (SOP.md): the customer contacts us again, threatens the media or an
 * agency, abuses a member of staff, or withdraws. Each is passed to the running case as its message; the bodies
 * carry the constraints of {@code platform.validation}, in the same terms as intake.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class CaseEventController {

  private final CaseActions cases;
  private final Validator validator;

  CaseEventController(CaseActions cases, Validator validator) {
    this.cases = cases;
    this.validator = validator;
  }

  @Schema(description = "사건이 열려 있는 동안 고객이 다시 연락함")
  record Contact(@Schema(example = "PHONE") @Required @Code(Channel.class) String channel,
      @Text(max = NOTE) String note) {}

  @Schema(description = "고객이 언론 제보, 소비자기관 신고, 확산 게시를 언급함 (메시지 ExternalThreatRaised)")
  record Threat(
      @Schema(example = "MEDIA", allowableValues = {"MEDIA", "CONSUMER_AGENCY", "VIRAL_POST", "LAWSUIT"})
      @Required @Code(ThreatKind.class) String kind,
      @Schema(description = "고객이 한 말, 게시 위치")
      @Required(message = "{complaintdesk.required.threatNote}") @Text(max = NOTE) String note,
      @WebAddress String publicPostUrl) {}

  @Schema(description = "상담원에 대한 폭언·폭행 등 신고 (산업안전보건법 제41조, 메시지 AbuseReported)")
  record AbuseReport(
      @Schema(description = "경위") @Required(message = "{complaintdesk.required.abuseNote}") @Text(max = NOTE) String note) {}

  @Schema(description = "고객의 불만 철회")
  record Withdrawal(@Text(max = NOTE) String reason) {}

  @PostMapping("/{caseNumber}/contacts")
  @Operation(summary = "고객 재연락 (메시지 CustomerContacted)")
  public ResponseEntity<Map<String, Object>> contact(@PathVariable String caseNumber, @RequestBody Contact body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaffOrItsChannel(request, cases, caseNumber,
        "고객 연락은 직원이나 그 사건이 접수된 채널의 연동 계정만 기록할 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    retryingRaces(() -> {
      cases.recordContact(caseNumber, body.channel().strip(), body.note(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "recorded", true));
  }

  @PostMapping("/{caseNumber}/threats")
  @Operation(summary = "외부 위협 제기: 사건이 P1이 되고 홍보·리스크팀이 평가 (메시지 ExternalThreatRaised)")
  public ResponseEntity<Map<String, Object>> threat(@PathVariable String caseNumber, @RequestBody Threat body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaffOrItsChannel(request, cases, caseNumber,
        "외부 위협은 직원이나 그 사건이 접수된 채널의 연동 계정만 기록할 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    retryingRaces(() -> {
      cases.raiseThreat(caseNumber, body.kind().strip(), body.note(), body.publicPostUrl(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "priority", "P1"));
  }

  @PostMapping("/{caseNumber}/abuse-reports")
  @Operation(summary = "폭언·폭행 신고: 팀장이 응대를 넘겨받고 보호 조치 기록 (메시지 AbuseReported)")
  public ResponseEntity<Map<String, Object>> abuse(@PathVariable String caseNumber, @RequestBody AbuseReport body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    retryingRaces(() -> {
      cases.reportAbuse(caseNumber, body.note(), caller.userId());
      return null;
    });
    return ResponseEntity.accepted().body(result(caseNumber, "reported", true));
  }

  @PostMapping("/{caseNumber}/withdrawal")
  @Operation(summary = "불만 철회 (메시지 ComplaintWithdrawn): 직원, 또는 사건이 접수된 채널의 연동 계정이 고객의 철회를 전달")
  public Map<String, Object> withdraw(@PathVariable String caseNumber, @RequestBody Withdrawal body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaffOrItsChannel(request, cases, caseNumber,
        "불만 철회는 사건을 맡는 직원이나 그 사건이 접수된 채널의 연동 계정만 기록할 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    retryingRaces(() -> {
      cases.withdraw(caseNumber, body.reason(), caller.userId());
      return null;
    });
    return result(caseNumber, "outcome", "WITHDRAWN");
  }
}
