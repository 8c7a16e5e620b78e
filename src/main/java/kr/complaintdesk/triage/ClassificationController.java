package kr.complaintdesk.triage;

import static kr.complaintdesk.casefile.CaseApi.requireOpen;
import static kr.complaintdesk.casefile.CaseApi.result;
import static kr.complaintdesk.casefile.CaseMessages.NOTE;
import static kr.complaintdesk.casefile.CaseVariables.CATEGORY;
import static kr.complaintdesk.casefile.CaseVariables.HARM;
import static kr.complaintdesk.casefile.CaseVariables.PRIORITY;
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
import kr.complaintdesk.casefile.Category;
import kr.complaintdesk.platform.validation.Code;
import kr.complaintdesk.platform.validation.Required;
import kr.complaintdesk.platform.validation.Text;
import kr.complaintdesk.platform.web.ApiCaller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer-service desk corrects what an open complaint is about (SOP.md, phase 2): the triage decision runs
 * again on the corrected category and harm, and the case's priority rises with it, never falls.
 */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "불만 사건")
class ClassificationController {

  private final CaseActions cases;
  private final Validator validator;

  ClassificationController(CaseActions cases, Validator validator) {
    this.cases = cases;
    this.validator = validator;
  }

  @Schema(description = "사건 분류 정정: 바로잡은 불만 유형과 신체 피해")
  @HarmFitsCategory
  record Classification(
      @Schema(example = "INJURY") @Required @Code(Category.class) String category,
      @Schema(description = "신체 피해(피부 이상, 상처 등)가 있음. 없으면 불만 유형을 따름: HEALTH_HARM, INJURY는 있음, 그 밖에는 없음")
      Boolean harm,
      @Schema(description = "무엇을 왜 바로잡는지")
      @Required(message = "{complaintdesk.required.reclassificationNote}") @Text(max = NOTE) String note) {

    Category categoryValue() {
      return Code.Check.of(category, Category.class);
    }

    /** Bodily harm as corrected: as given, else what the category says. */
    boolean harmValue() {
      return harm != null ? harm : categoryValue().isHarm();
    }
  }

  @PostMapping("/{caseNumber}/classification")
  @Operation(summary = "분류 정정: 불만 유형과 신체 피해를 바로잡아 분류 결정 표로 다시 판단, 우선순위는 올라가기만 함 "
      + "(메시지 CaseReclassified). 고객상담팀만")
  public Map<String, Object> reclassify(@PathVariable String caseNumber, @RequestBody Classification body,
      HttpServletRequest request) {
    ApiCaller caller = requireCustomerService(request, "분류는 고객상담팀(상담원, 팀장)만 바로잡을 수 있습니다");
    requireValid(validator.validate(body));
    requireOpen(cases, caseNumber);
    String category = body.categoryValue().name();
    boolean harm = body.harmValue();
    String priority = retryingRaces(() -> cases.reclassify(caseNumber, category, harm, body.note(), caller.userId()));
    Map<String, Object> answer = result(caseNumber, CATEGORY, category);
    answer.put(HARM, harm);
    answer.put(PRIORITY, priority);
    return answer;
  }
}
