package kr.complaintdesk.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.complaintdesk.platform.engine.EngineRefusals;
import kr.complaintdesk.platform.engine.Refusal;
import kr.complaintdesk.platform.web.ApiProblem.FieldProblem;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as {@code application/problem+json}: a Korean title, the detail, and for
 * bad input each field with the reason. Nothing of a refused request is stored. It answers for the
 * application's controllers, which live with their phases, and for no others (Spring's, springdoc's).
 */
@RestControllerAdvice(basePackages = "kr.complaintdesk")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<Object> problem(ApiProblem problem) {
    return respond(problem.status(), problem.title(), problem.getMessage(), problem.errors());
  }

  /**
   * The case no longer waits for what was sent: e.g. of two withdrawals arriving together the second finds the
   * case withdrawn a moment ago while its instance is still closing. Named by the case of the request's path.
   */
  @ExceptionHandler(MismatchingMessageCorrelationException.class)
  ResponseEntity<Object> notWaiting(MismatchingMessageCorrelationException e, HttpServletRequest request) {
    Object caseNumber = caseNumberOf(request);
    return problem(ApiProblem.conflict((caseNumber == null ? "사건이" : "사건 " + caseNumber + "은(는)")
        + " 지금은 이 요청을 받을 수 없습니다 (방금 철회·종결되었거나 진행 단계가 다릅니다). 사건을 다시 조회해 주세요."));
  }

  /** The case number of the request's path, or null for requests about no one case. */
  private static Object caseNumberOf(HttpServletRequest request) {
    return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
        ? path.get("caseNumber") : null;
  }

  /** A step refused the change (bad input, or the case's state forbids it now). */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<Object> refused(Refusal e) {
    return e.kind() == Refusal.Kind.CONFLICT ? problem(ApiProblem.conflict(e.getMessage()))
        : respond(HttpStatus.BAD_REQUEST, "입력값이 올바르지 않습니다", e.getMessage(), List.of());
  }

  /** Anything else is our fault: logged (contact details masked) and answered as a problem, never a bare page. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> unexpected(RuntimeException e, HttpServletRequest request) {
    EngineRefusals.Refused refused = EngineRefusals.classify(e);
    if (refused != null && refused.race()) {
      LOG.info("A case change lost a race with another change of the same case: {}", e.toString());
      Object caseNumber = caseNumberOf(request);
      return problem(ApiProblem.conflict((caseNumber == null ? "다른 요청이 같은 사건을" : "다른 요청이 사건 " + caseNumber + "을(를)")
          + " 동시에 바꾸었습니다. 사건을 다시 조회한 뒤 필요하면 다시 보내 주세요."));
    }
    LOG.error("Unexpected error in the case API", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "처리하지 못했습니다", "예기치 않은 오류가 났습니다. 운영자에게 알려 주세요.",
        List.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = mismatch.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return respond(HttpStatus.BAD_REQUEST, "입력값이 올바르지 않습니다", field + ": 값의 형식이 맞지 않습니다",
          List.of(new FieldProblem(field, "값의 형식이 맞지 않습니다 (" + expected(mismatch) + ")")));
    }
    String reason = cause instanceof JsonMappingException || cause == null && ex.getMessage() != null
        && ex.getMessage().startsWith("Required request body") ? "요청 본문이 없거나 JSON 객체가 아닙니다" : "JSON으로 읽을 수 없습니다";
    return respond(HttpStatus.BAD_REQUEST, "입력값이 올바르지 않습니다", reason, List.of(new FieldProblem("body", reason)));
  }

  private static String expected(MismatchedInputException mismatch) {
    Class<?> type = mismatch.getTargetType();
    if (type == null) {
      return "알 수 없는 형식";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true 또는 false";
    }
    if (type == String.class) {
      return "문자열";
    }
    return "객체";
  }

  private static ResponseEntity<Object> respond(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
