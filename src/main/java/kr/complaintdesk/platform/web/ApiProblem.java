package kr.complaintdesk.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the Korean message staff and integrators read. */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String title;
  private final transient List<FieldProblem> errors;

  public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "찾을 수 없습니다", detail, List.of());
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "지금은 처리할 수 없습니다", detail, List.of());
  }

  public static ApiProblem forbidden(String detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "권한이 없습니다", detail, List.of());
  }

  public static ApiProblem invalid(List<FieldProblem> errors) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "입력값이 올바르지 않습니다",
        String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList()), errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  /** One bad field of a request, by its JSON path, and why it is bad. */
  public record FieldProblem(String field, String reason) {}
}
