package kr.complaintdesk.api;

import static kr.complaintdesk.api.ComplaintController.requireStaff;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import kr.complaintdesk.casefile.CaseActions;
import kr.complaintdesk.timeline.Timeline;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The case timeline as a page for staff, linked from every task form in Tasklist; the Tasklist login
 * of the same browser is enough to open it.
 */
@RestController
public class TimelinePage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final CaseActions cases;
  private final Timeline timeline;

  public TimelinePage(CaseActions cases, Timeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @GetMapping(value = "/cases/{caseNumber}/timeline", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
  public String page(@PathVariable String caseNumber, HttpServletRequest request) {
    requireStaff(request);
    var view = cases.view(caseNumber).orElseThrow(() -> ComplaintController.unknown(caseNumber));
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>")
        .append(escape(caseNumber)).append(" 사건 타임라인</title><style>body{font-family:sans-serif;margin:2em}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;text-align:left}"
            + "td.details{font-size:.85em;color:#555;max-width:40em;word-break:break-all}</style></head><body>")
        .append("<h1>").append(escape(caseNumber)).append(" 사건 타임라인</h1><p>상태: ")
        .append(escape(view.record().status())).append(view.record().outcome() == null ? "" : " (" + escape(view.record().outcome()) + ")")
        .append(", 우선순위: ").append(escape(String.valueOf(view.priority()))).append("</p>")
        .append("<table><tr><th>언제</th><th>누가</th><th>무엇을</th><th>내용</th></tr>");
    for (Timeline.Entry entry : timeline.of(caseNumber)) {
      html.append("<tr><td>").append(entry.occurredAt().format(WHEN)).append("</td><td>").append(escape(entry.actor()))
          .append("</td><td>").append(escape(entry.summary())).append("</td><td class=\"details\">")
          .append(escape(entry.details())).append("</td></tr>");
    }
    return html.append("</table></body></html>").toString();
  }

  private static String escape(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
