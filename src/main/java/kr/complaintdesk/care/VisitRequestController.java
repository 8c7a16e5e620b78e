package kr.complaintdesk.care;

import static kr.complaintdesk.casefile.CaseApi.requireOpen;
import static kr.complaintdesk.casefile.CaseApi.result;
import static kr.complaintdesk.casefile.CaseMessages.NOTE;
import static kr.complaintdesk.platform.web.ApiRequests.requireCustomerService;
import static kr.complaintdesk.platform.web.ApiRequests.requireValid;
import static kr.complaintdesk.platform.web.ApiRequests.retryingRaces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.util.Map;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.web.ApiCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A care visit that becomes needed after the first contact (SOP.md, phase 4: care first), e.g. when symptoms appear
 * in a case triage offered no visit: the customer-service desk, which holds the contact and the customer's consent,
 * asks for it, and the case runs the care visit of the customer's region as if triage had offered it.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class VisitRequestController {

  private final CaseActions cases;
  private final Validator validator;

  VisitRequestController(CaseActions cases, Validator validator) {
    this.cases = cases;
    this.validator = validator;
  }

  @Schema(description = "1차 응대 뒤에 필요해진 방문 케어 요청 (고객의 동의를 받은 뒤)")
  record VisitRequest(
      @Schema(description = "방문이 필요한 까닭: 새로 생긴 증상, 고객의 요청")
      @Required(message = "{complaintdesk.required.visitRequestNote}") @Text(max = NOTE) String note) {}

  @PostMapping("/{caseNumber}/visit-requests")
  @Operation(summary = "방문 케어 요청: 고객 지역의 사업부가 방문 케어를 진행 (메시지 VisitRequested). 고객상담팀만, "
      + "1차 응대 뒤에, 사건에 방문 케어가 없었고 고객이 해결안을 수락하기 전에")
  public ResponseEntity<Map<String, Object>> request(@PathVariable String caseNumber, @RequestBody VisitRequest body,
      HttpServletRequest request) {
    ApiCaller caller = requireCustomerService(request, "방문 케어는 고객상담팀(상담원, 팀장)만 요청할 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    String region = retryingRaces(() -> cases.requestVisit(caseNumber, body.note(), caller.userId()));
    Map<String, Object> answer = result(caseNumber, "visitRequested", true);
    answer.put("region", region);
    return ResponseEntity.accepted().body(answer);
  }
}
