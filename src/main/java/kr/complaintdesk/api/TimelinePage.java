package kr.complaintdesk.api;

import static kr.complaintdesk.api.ComplaintController.requireStaff;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import kr.complaintdesk.casefile.CaseActions;
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
public class TimelinePage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final CaseActions cases;
  private final Timeline timeline;

  public TimelinePage(CaseActions cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  /** A line of the page; the template shows every value as text. */
  record Row(String when, String actor, String summary, String details) {}

  @GetMapping(value = "/cases/{caseNumber}/timeline", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String page(@PathVariable String caseNumber, HttpServletRequest request, Model model) {
    requireStaff(request);
    var view = cases.view(caseNumber).orElseThrow(() -> ComplaintController.unknown(caseNumber));
    model.addAttribute("caseNumber", caseNumber)
        .addAttribute("status", text(view.record().status()))
        // Null leaves out the "(outcome)" section of the template.
        .addAttribute("outcome", view.record().outcome())
        .addAttribute("priority", String.valueOf(view.priority()))
        .addAttribute("entries", timeline.of(caseNumber).stream().map(entry -> new Row(entry.occurredAt().format(WHEN),
            text(entry.actor()), text(entry.summary()), text(entry.details()))).toList());
    return "timeline";
  }

  /** Mustache refuses a null value; a missing text shows as nothing. */
  private static String text(String text) {
    return Objects.toString(text, "");
  }
}
