package kr.complaintdesk.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates /api and /cases: HTTP Basic with a Camunda user (integrations), or the Camunda
 * webapp login of the same browser (staff following a link from Tasklist). A change made with the webapp
 * login needs the webapp's CSRF token too, exactly as Camunda's own webapp API does.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CALLER = ApiCaller.class.getName();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** Camunda's own reading of HTTP Basic, as on /engine-rest: the same credentials work on both APIs. */
  private static final AuthenticationProvider BASIC = new HttpBasicAuthenticationProvider();
  private final ProcessEngine engine;

  ApiAuthenticationFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiCaller caller = fromBasic(request);
    if (caller == null) {
      HttpSession session = request.getSession(false);
      caller = fromWebappSession(session);
      if (caller != null && changesState(request) && !carriesSessionCsrfToken(request, session)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"요청을 확인할 수 없습니다\",\"status\":403,"
            + "\"detail\":\"Tasklist 로그인으로 사건을 바꾸려면 " + CsrfConstants.CSRF_TOKEN_HEADER_NAME
            + " 헤더에 Tasklist와 같은 CSRF 토큰이 있어야 합니다. 다른 시스템은 HTTP Basic 인증을 쓰세요.\"}");
        return;
      }
    }
    if (caller == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      if (!fromBrowser(request)) {
        // A browser asked this would keep the credentials and send them with every request, other sites' too,
        // past the CSRF check: staff log in to Tasklist instead.
        response.setHeader("WWW-Authenticate", "Basic realm=\"complaint-desk\", charset=\"UTF-8\"");
      }
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"로그인이 필요합니다\",\"status\":401,"
          + "\"detail\":\"Tasklist와 같은 계정으로 HTTP Basic 인증을 해 주세요.\"}");
      return;
    }
    request.setAttribute(CALLER, caller);
    chain.doFilter(request, response);
  }

  private static boolean fromBrowser(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return request.getHeader("Sec-Fetch-Mode") != null || accept != null && accept.contains("text/html");
  }

  private static boolean changesState(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod());
  }

  /**
   * The token Camunda's webapps keep in the session and send back in a header on every change (their
   * {@code CsrfPreventionFilter}): a page of another site can make the browser send the session cookie, but
   * cannot read the token.
   */
  private static boolean carriesSessionCsrfToken(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && sent != null && MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private ApiCaller fromBasic(HttpServletRequest request) {
    AuthenticationResult basic = BASIC.extractAuthenticatedUser(request, engine);
    if (!basic.isAuthenticated()) {
      return null;
    }
    String userId = basic.getAuthenticatedUser();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    return new ApiCaller(userId, groups);
  }

  private static ApiCaller fromWebappSession(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    for (UserAuthentication user : authentications.getAuthentications()) {
      return new ApiCaller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    }
    return null;
  }
}
