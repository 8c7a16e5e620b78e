package kr.complaintdesk.resolution;

import static kr.complaintdesk.casefile.CaseApi.requireOpen;
import static kr.complaintdesk.casefile.CaseApi.result;
import static kr.complaintdesk.casefile.CaseMessages.NOTE;
import static kr.complaintdesk.casefile.CaseApi.requireStaffOrItsChannel;
import static kr.complaintdesk.platform.web.ApiRequests.requireValid;
import static kr.complaintdesk.platform.web.ApiRequests.retryingRaces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.web.ApiCaller;
import kr.complaintdesk.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's answer to the offer on the table, sent by another system or by staff (SOP.md, phase 6). */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class CustomerResponseController {

  private final CaseActions cases;
  private final Validator validator;

  CustomerResponseController(CaseActions cases, Validator validator) {
    this.cases = cases;
    this.validator = validator;
  }

  @Schema(description = "해결안에 대한 고객의 답")
  record Response(@NotNull(message = "{complaintdesk.required.trueOrFalse}") Boolean accepted,
      @Text(max = NOTE) String note) {}

  @PostMapping("/{caseNumber}/responses")
  @Operation(summary = "해결안에 대한 고객 답변 (메시지 CustomerResponded): 직원, 또는 사건이 접수된 채널의 연동 계정이 고객의 답을 전달")
  public Map<String, Object> respond(@PathVariable String caseNumber, @RequestBody Response body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaffOrItsChannel(request, cases, caseNumber,
        "해결안에 대한 고객의 답은 사건을 맡는 직원이나 그 사건이 접수된 채널의 연동 계정만 기록할 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    if (!retryingRaces(() -> cases.respond(caseNumber, body.accepted(), body.note(), caller.userId()))) {
      throw ApiProblem.conflict("사건 " + caseNumber + "에는 고객의 답을 기다리는 해결안이 없습니다");
    }
    return result(caseNumber, "accepted", body.accepted());
  }
}
