package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseApi.unknown;
import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.casefile.CaseActions.CaseView;
import kr.complaintdesk.casefile.CaseActions.Named;
import kr.complaintdesk.casefile.CaseActions.OpenTask;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.casefile.Offers.Offer;
import kr.complaintdesk.platform.web.ApiCaller;
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

  /**
   * The case; {@code owner} is who it belongs to (null before the first contact), {@code actions} what the caller
   * may record on it now (Tasklist's case panel offers those and no others).
   */
  record CaseDetails(String caseNumber, String channel, String category, String status, String outcome,
      String priority, String customerId, OffsetDateTime createdAt, OffsetDateTime closedAt, List<String> openTasks,
      List<Offer> offers, Named owner, List<String> actions) {}

  /** An entry; {@code actorName} is how staff know whoever acted. */
  record TimelineEntry(OffsetDateTime at, String kind, String actor, String actorName, String summary, String details) {}

  // What a caller may record on a case. The same rules as the endpoints': every member of staff records contacts,
  // threats, abuse reports and withdrawals of an open case (anytime.CaseEventController); merging customers is for
  // agents and leads (customer.CustomerController), also after the case closed; a new expected delivery date is for
  // agents, leads and logistics while the case is open (analysis.DeliveryEtaController).
  static final String CONTACT = "CONTACT";
  static final String THREAT = "THREAT";
  static final String ABUSE_REPORT = "ABUSE_REPORT";
  static final String WITHDRAWAL = "WITHDRAWAL";
  static final String MERGE_CUSTOMERS = "MERGE_CUSTOMERS";
  static final String VISIT_REQUEST = "VISIT_REQUEST";
  static final String RECLASSIFICATION = "RECLASSIFICATION";
  static final String DELIVERY_ETA = "DELIVERY_ETA";

  @GetMapping("/{caseNumber}")
  @Operation(summary = "사건 조회",
      description = "상태, 결과, 우선순위, 고객, 담당자, 열린 작업, 제시한 해결안과 고객의 답변, 요청한 사람이 지금 기록할 수 있는 일")
  public CaseDetails get(@PathVariable String caseNumber, HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    CaseView view = cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    CaseRecord r = view.record();
    String owner = cases.owner(caseNumber);
    return new CaseDetails(r.caseNumber(), r.channel(), r.category(), r.status(), r.outcome(), view.priority(),
        r.customerId(), r.createdAt(), r.closedAt(), view.openTasks(), cases.offers(caseNumber),
        owner == null ? null : new Named(owner, cases.staffName(owner)),
        actions(caller, !r.isClosed() && cases.isRunning(caseNumber), Category.valueOf(r.category()).isDelay()));
  }

  private static List<String> actions(ApiCaller caller, boolean open, boolean delay) {
    List<String> actions = new ArrayList<>();
    if (open) {
      actions.addAll(List.of(CONTACT, THREAT, ABUSE_REPORT, WITHDRAWAL));
      if (caller.isCustomerService()) {
        actions.addAll(List.of(VISIT_REQUEST, RECLASSIFICATION));
      }
      if (delay && caller.mayChangeDeliveryEta()) {
        actions.add(DELIVERY_ETA);
      }
    }
    if (caller.mayMergeCustomers()) {
      actions.add(MERGE_CUSTOMERS);
    }
    return actions;
  }

  @GetMapping("/{caseNumber}/timeline")
  @Operation(summary = "사건 타임라인", description = "접수, 결정, 완료된 작업, 연락, 해결안, 승인, 지급, 안내 발송을 순서대로")
  public List<TimelineEntry> timeline(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    Map<String, String> names = new HashMap<>();
    return timeline.of(caseNumber).stream()
        .map(e -> new TimelineEntry(e.occurredAt(), e.kind().name(), e.actor(),
            e.actor() == null ? null : names.computeIfAbsent(e.actor(), cases::staffName), e.summary(), e.details()))
        .toList();
  }

  @GetMapping("/{caseNumber}/tasks")
  @Operation(summary = "사건의 열린 작업",
      description = "사건과 사건이 부른 프로세스의 열린 작업: 맡은 사람, 아무도 맡지 않았으면 맡을 수 있는 그룹, 기한")
  public List<OpenTask> tasks(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    return cases.tasks(caseNumber);
  }
}
