package kr.complaintdesk.compensation;

import static kr.complaintdesk.casefile.CaseApi.unknown;
import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.compensation.Payouts.Paid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What was paid to the customer in a case: staff see it next to the offers (Tasklist's case panel). */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class PayoutController {

  private final CaseRecords cases;
  private final Payouts payouts;

  PayoutController(CaseRecords cases, Payouts payouts) {
    this.cases = cases;
    this.payouts = payouts;
  }

  @GetMapping("/{caseNumber}/payouts")
  @Operation(summary = "보상 지급 내역", description = "지급 시스템이 확인한 지급: 보상 종류, 금액, 거래 번호, 지급 시각")
  public List<Paid> payouts(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    cases.find(caseNumber).orElseThrow(() -> unknown(caseNumber));
    return payouts.of(caseNumber);
  }
}
