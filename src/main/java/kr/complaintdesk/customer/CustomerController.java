package kr.complaintdesk.customer;

import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;
import static kr.complaintdesk.platform.web.ApiRequests.requireValid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.casefile.CaseRecords;
import kr.complaintdesk.customer.CustomerDirectory.Customer;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.web.ApiCaller;
import kr.complaintdesk.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One customer across identities, their complaint history, and merging customers found to be one person. */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "customers", description = "고객")
class CustomerController {

  private final CustomerDirectory customers;
  private final CaseRecords cases;
  private final CustomerMerge customerMerge;
  private final Validator validator;

  CustomerController(CustomerDirectory customers, CaseRecords cases, CustomerMerge customerMerge, Validator validator) {
    this.customers = customers;
    this.cases = cases;
    this.customerMerge = customerMerge;
    this.validator = validator;
  }

  record CustomerView(String customerId, String name, String region, boolean contactOptOut,
      Map<IdentityKind, List<String>> identities) {}

  record ComplaintSummary(String caseNumber, String channel, String category, String status, String outcome,
      OffsetDateTime createdAt) {}

  @Schema(description = "같은 사람으로 확인된 고객 합치기: mergedCustomerId의 이력과 연락처가 이 고객으로 옮겨집니다")
  record Merge(@Required String mergedCustomerId) {}

  @GetMapping("/{customerId}")
  @Operation(summary = "고객 조회 (연락처와 연락 거부 여부)")
  public CustomerView get(@PathVariable String customerId, HttpServletRequest request) {
    requireCustomerReader(request);
    Customer c = find(customerId);
    return new CustomerView(c.id(), c.name(), c.region(), c.contactOptOut(), c.identities());
  }

  @GetMapping("/{customerId}/complaints")
  @Operation(summary = "고객의 불만 이력 (합쳐진 고객의 이력 포함)")
  public List<ComplaintSummary> history(@PathVariable String customerId, HttpServletRequest request) {
    requireCustomerReader(request);
    Customer c = find(customerId);
    return cases.ofCustomer(c.id()).stream().map(r -> new ComplaintSummary(r.caseNumber(), r.channel(), r.category(),
        r.status(), r.outcome(), r.createdAt())).toList();
  }

  @PostMapping("/{customerId}/merge")
  @Operation(summary = "같은 사람인 두 고객 합치기")
  public CustomerView merge(@PathVariable String customerId, @RequestBody Merge body,
      HttpServletRequest request) {
    ApiCaller caller = requireStaff(request);
    if (!caller.mayMergeCustomers()) {
      throw ApiProblem.forbidden("고객을 합칠 권한이 없습니다 (상담원, 팀장)");
    }
    requireValid(validator.validate(body));
    Customer survivor = find(customerId);
    Customer merged = find(body.mergedCustomerId());
    if (survivor.id().equals(merged.id())) {
      throw ApiProblem.conflict("두 고객은 이미 한 고객입니다");
    }
    customerMerge.merge(survivor.id(), merged.id(), caller.userId());
    return get(survivor.id(), request);
  }

  private Customer find(String customerId) {
    return customers.find(customerId).orElseThrow(() -> ApiProblem.notFound("고객 " + customerId + "을(를) 찾을 수 없습니다"));
  }

  private static void requireCustomerReader(HttpServletRequest request) {
    if (!requireStaff(request).mayReadCustomers()) {
      throw ApiProblem.forbidden("고객의 연락처와 불만 이력은 고객상담팀(상담원, 팀장, 고객만족 책임자)만 볼 수 있습니다. "
          + "작업에 필요한 연락처는 작업 양식에 있습니다.");
    }
  }
}
