package kr.complaintdesk.customer;

import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_ID;

import java.util.List;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.timeline.Timeline;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two customers found to be one person become one, in the directory and in their running cases, and the timeline
 * of each of their cases says who merged them and when.
 */
@Service
class CustomerMerge {

  private final CustomerDirectory customers;
  private final CaseRecords cases;
  private final CaseInstances instances;
  private final RuntimeService runtimeService;
  private final Timeline timeline;

  CustomerMerge(CustomerDirectory customers, CaseRecords cases, CaseInstances instances, RuntimeService runtimeService,
      Timeline timeline) {
    this.customers = customers;
    this.cases = cases;
    this.instances = instances;
    this.runtimeService = runtimeService;
    this.timeline = timeline;
  }

  /** Merges two customers and points the open cases of the merged one at the survivor. */
  @Transactional
  public void merge(String survivorId, String mergedId, String actor) {
    List<CaseRecord> moved = cases.ofCustomer(mergedId);
    customers.merge(survivorId, mergedId);
    for (CaseRecord record : moved) {
      ProcessInstance instance = instances.caseInstance(record.caseNumber());
      if (instance != null) {
        runtimeService.setVariable(instance.getId(), CUSTOMER_ID, survivorId);
      }
    }
    // Both customers' cases now show one history: each of them says so, the closed ones too.
    for (CaseRecord record : cases.ofCustomer(survivorId)) {
      timeline.record(record.caseNumber(), Timeline.Kind.CUSTOMER_MERGED, actor, "고객 합침: " + mergedId + " → " + survivorId,
          "같은 사람으로 확인된 두 고객을 합쳤습니다. " + mergedId + "의 연락처와 불만 이력이 " + survivorId + "에 모였습니다.");
    }
  }
}
