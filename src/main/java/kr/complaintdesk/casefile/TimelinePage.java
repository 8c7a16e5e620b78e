package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseApi.unknown;
import static kr.complaintdesk.platform.web.ApiRequests.requireStaff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import kr.complaintdesk.platform.calendar.EngineClock;
import kr.complaintdesk.timeline.Timeline;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case timeline as a page for staff, linked from every task form in Tasklist; the Tasklist login
 * of the same browser is enough to open it. The page is {@code templates/timeline.mustache}, which
 * HTML-escapes every value: customers' and staff's words are shown, never run.
 */
@Controller
class TimelinePage {

  /** What staff read for the case's status and outcome (the API answers with the codes). */
  private static final Map<String, String> SHOWN = Map.of(
      CaseRecords.OPEN, "진행 중", CaseRecords.CLOSED, "종결",
      Outcome.RESOLVED.name(), "해결", Outcome.UNRESOLVED.name(), "미해결", Outcome.WITHDRAWN.name(), "고객 철회",
      Outcome.NO_RESPONSE.name(), "무응답");
  private final CaseActions cases;
  private final Timeline timeline;

  TimelinePage(CaseActions cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  /** A line of the page; the template shows every value as text. */
  record Row(String when, String actor, String summary, String details) {}

  @GetMapping(value = "/cases/{caseNumber}/timeline", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String page(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    requireStaff(request);
    var view = cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber));
    model.addAttribute("caseNumber", caseNumber)
        .addAttribute("status", shown(view.record().status()))
        // Null leaves out the "(outcome)" section of the template.
        .addAttribute("outcome", view.record().outcome() == null ? null : shown(view.record().outcome()))
        .addAttribute("priority", String.valueOf(view.priority()))
        .addAttribute("entries", timeline.of(caseNumber).stream().map(entry -> new Row(
            entry.occurredAt().atZoneSameInstant(EngineClock.KOREA).format(EngineClock.MINUTES),
            text(entry.actor()), text(entry.summary()), text(entry.details()))).toList());
    return "timeline";
  }

  private static String shown(String code) {
    return SHOWN.getOrDefault(code, text(code));
  }

  /** Mustache refuses a null value; a missing text shows as nothing. */
  private static String text(String text) {
    return Objects.toString(text, "");
  }
}
