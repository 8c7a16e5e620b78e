package kr.complaintdesk.casefile;

import static kr.complaintdesk.casefile.CaseVariables.CASE_NUMBER;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.complaintdesk.casefile.CaseRecords.CaseRecord;
import jakarta.servlet.http.HttpServletRequest;
import kr.complaintdesk.platform.web.ApiCaller;
import kr.complaintdesk.platform.web.ApiProblem;
import kr.complaintdesk.platform.web.ApiRequests;

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
          + (record.outcome() == null ? "" : " (결과: " + Outcome.korean(record.outcome()) + ")"));
    }
  }

  /**
   * Staff, or the channel-integration account a case came in through, relaying what the customer said or did on
   * that channel (a contact, a threat, an answer to an offer, a withdrawal). Any other caller, and an integration account for a case it did
   * not submit or that does not exist, is refused alike, so an account learns nothing of other channels' cases.
   */
  public static ApiCaller requireStaffOrItsChannel(HttpServletRequest request, CaseActions cases, String caseNumber,
      String refusal) {
    ApiCaller caller = ApiRequests.caller(request);
    if (caller.isStaff() || caller.isChannelIntegration() && cases.cameInThrough(caseNumber, caller.userId())) {
      return caller;
    }
    throw ApiProblem.forbidden(refusal);
  }

  public static Map<String, Object> result(String caseNumber, String key, Object value) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(CASE_NUMBER, caseNumber);
    result.put(key, value);
    return result;
  }
}
