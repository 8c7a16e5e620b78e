package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseApi.unknown;
import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import kr.complaintdesk.casefile.CaseActions.CaseView;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.casefile.Offers.Offer;
import kr.complaintdesk.timeline.Timeline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case and its timeline as the case API shows them (SOP.md). What changes a case is with the phase it
 * belongs to: intake in {@code intake}, the customer's answer in {@code resolution}, contacts, threats, abuse
 * reports and withdrawals in {@code anytime}.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class CaseController {

  private final CaseActions cases;
  private final Timeline timeline;

  CaseController(CaseActions cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  record CaseDetails(String caseNumber, String channel, String category, String status, String outcome,
      String priority, String customerId, OffsetDateTime createdAt, OffsetDateTime closedAt, List<String> openTasks,
      List<Offer> offers) {}

  record TimelineEntry(OffsetDateTime at, String kind, String actor, String summary, String details) {}

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
}
