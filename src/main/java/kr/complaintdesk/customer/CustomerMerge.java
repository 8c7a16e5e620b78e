package kr.complaintdesk.customer;

import static kr.complaintdesk.casefile.CaseVariables.CUSTOMER_ID;

import java.util.List;
import kr.complaintdesk.casefile.CaseInstances;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.casefile.CaseRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Two customers found to be one person become one, in the directory and in their running cases. */
@Service
class CustomerMerge {

  private final CustomerDirectory customers;
  private final CaseRecords cases;
  private final CaseInstances instances;
  private final RuntimeService runtimeService;

  CustomerMerge(CustomerDirectory customers, CaseRecords cases, CaseInstances instances, RuntimeService runtimeService) {
    this.customers = customers;
    this.cases = cases;
    this.instances = instances;
    this.runtimeService = runtimeService;
  }

  /** Merges two customers and points the open cases of the merged one at the survivor. */
  @Transactional
  public void merge(String survivorId, String mergedId) {
    List<CaseRecord> moved = cases.ofCustomer(mergedId);
    customers.merge(survivorId, mergedId);
    for (CaseRecord record : moved) {
      ProcessInstance instance = instances.caseInstance(record.caseNumber());
      if (instance != null) {
        runtimeService.setVariable(instance.getId(), CUSTOMER_ID, survivorId);
      }
    }
  }
}
