package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import kr.complaintdesk.platform.web.ApiProblem;

/**
 * What the case API's endpoints say about one case, in every phase: that it is unknown, that it is closed to
 * changes, and the short answer to a change.
 */
public final class CaseApi {

  private CaseApi() {}

  public static ApiProblem unknown(String caseNumber) {
    return ApiProblem.notFound("사건 " + caseNumber + "을(를) 찾을 수 없습니다");
  }

  /** Refuses a change of a case that is unknown (404) or already closed (409). */
  public static void requireOpen(CaseActions cases, String caseNumber) {
    CaseRecord record = cases.view(caseNumber).orElseThrow(() -> unknown(caseNumber)).record();
    if (record.isClosed() || !cases.isRunning(caseNumber)) {
      throw ApiProblem.conflict("사건 " + caseNumber + "은(는) 이미 종결되었습니다"
          + (record.outcome() == null ? "" : " (결과: " + record.outcome() + ")"));
    }
  }

  public static Map<String, Object> result(String caseNumber, String key, Object value) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(CASE_NUMBER, caseNumber);
    result.put(key, value);
    return result;
  }
}
