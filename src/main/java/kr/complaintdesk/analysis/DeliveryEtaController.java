package kr.complaintdesk.analysis;

import static kr.complaintdesk.analysis.ShipmentVariables.DELIVERY_ETA;
import static kr.complaintdesk.analysis.ShipmentVariables.PARCEL_WHEREABOUTS;
import static kr.complaintdesk.casefile.CaseApi.requireOpen;
import static kr.complaintdesk.casefile.CaseApi.result;
import static kr.complaintdesk.casefile.CaseMessages.NOTE;
import static kr.complaintdesk.platform.web.ApiRequests.caller;
import static kr.complaintdesk.platform.web.ApiRequests.requireValid;
import static kr.complaintdesk.platform.web.ApiRequests.retryingRaces;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.platform.validation.IsoDate;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.web.ApiCaller;
import kr.complaintdesk.platform.web.ApiProblem;
import kr.complaintdesk.platform.web.ApiProblem.FieldProblem;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A new expected delivery date at any time while the case is open (issue 14: a status update to the customer whenever
 * the date changes): the customer-service desk, who talk to the customer, or logistics, who hear it from the carrier.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class DeliveryEtaController {

  private final CaseActions cases;
  private final DeliveryEtaChange change;
  private final Validator validator;

  DeliveryEtaController(CaseActions cases, DeliveryEtaChange change, Validator validator) {
    this.cases = cases;
    this.change = change;
    this.validator = validator;
  }

  @Schema(description = "배송 예정일 변경: 새 예정일, 상품의 현재 위치(고객에게 그대로 안내됨), 바뀐 까닭(사건 기록에만 남음)")
  record EtaChange(
      @Schema(example = "2026-12-10", description = "새 배송 예정일, 오늘이나 그 뒤 (1년 안)")
      @Required(message = "{complaintdesk.required.deliveryEta}") @IsoDate String eta,
      @Schema(description = "상품이 지금 있는 곳. 고객에게 그대로 안내됩니다")
      @Required(message = "{complaintdesk.required.parcelWhereabouts}") @Text(max = DeliveryEta.LONGEST_WHEREABOUTS)
      String whereabouts,
      @Schema(description = "예정일이 바뀐 까닭")
      @Required(message = "{complaintdesk.required.etaReason}") @Text(max = NOTE) String reason) {}

  @PostMapping("/{caseNumber}/eta")
  @Operation(summary = "배송 예정일 변경: 사건에 새 예정일과 상품 위치를 남기고 타임라인에 기록하며 고객에게 배송 상황을 "
      + "안내. 고객상담팀(상담원, 팀장)과 물류팀만, 열린 사건에만")
  public Map<String, Object> changeEta(@PathVariable String caseNumber, @RequestBody EtaChange body,
      HttpServletRequest request) {
    ApiCaller caller = caller(request);
    if (!caller.mayChangeDeliveryEta()) {
      throw ApiProblem.forbidden("배송 예정일은 고객상담팀(상담원, 팀장)과 물류팀만 바꿀 수 있습니다");
    }
    requireValid(validator.validate(body));
    LocalDate eta = IsoDate.Check.of(body.eta());
    String problem = DeliveryEta.problem(eta);
    if (problem != null) {
      throw ApiProblem.invalid(List.of(new FieldProblem("eta", problem)));
    }
    requireOpen(cases, caseNumber);
    retryingRaces(() -> {
      change.change(caseNumber, eta, body.whereabouts(), body.reason(), caller.userId());
      return null;
    });
    Map<String, Object> answer = result(caseNumber, DELIVERY_ETA, eta.toString());
    answer.put(PARCEL_WHEREABOUTS, body.whereabouts().strip());
    return answer;
  }
}
