package kr.complaintdesk.platform.tasklist;

import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import kr.complaintdesk.platform.engine.FormLabels;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The names the forms give their fields and options, for Tasklist's case panel: the case API answers with codes
 * ({@code PHONE}, {@code contactNotes}) and the panel shows them as staff read them in the forms ("전화",
 * "통화 내용"). The forms stay the one place a name is written.
 */
@RestController
@Tag(name = "tasklist", description = "Tasklist")
class FormLabelsController {

  record Labels(Map<String, String> fields, Map<String, Map<String, String>> options) {}

  @GetMapping("/api/form-labels")
  @Operation(summary = "양식의 항목과 선택지 이름", description = "항목 키 → 이름, 선택 항목 키 → (값 → 이름)")
  public Labels labels(HttpServletRequest request) {
    requireStaff(request);
    return new Labels(FormLabels.fields(), FormLabels.options());
  }
}
