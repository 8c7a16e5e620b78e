package kr.complaintdesk.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;

/**
 * A browser's session with the Camunda webapps, without the browser: the cookies it keeps (session and
 * the CSRF token cookie), a login to Tasklist, and requests with or without the token header that
 * Tasklist's own scripts send.
 */
final class WebappSession {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Opens Tasklist and logs in as {@code user} (password demo), as the login page does. */
  static WebappSession loggedIn(int port, String user) {
    WebappSession session = new WebappSession(port);
    session.send("GET", "/camunda/app/tasklist/", null, null, true);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    Reply login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
        "application/x-www-form-urlencoded", true);
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + ": " + login.status() + " " + login.body());
    }
    // The token may change with the new session: take it from a page loaded after the login, as Tasklist does.
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null, true);
    return session;
  }

  String csrfToken() {
    return cookies.get("XSRF-TOKEN");
  }

  /** A JSON request carrying the session cookie and, if {@code withToken}, the CSRF token header. */
  Reply json(String method, String path, String body, boolean withToken, String... headers) {
    return send(method, path, body, body == null ? null : "application/json", withToken, headers);
  }

  private Reply send(String method, String path, String body, String contentType, boolean withToken,
      String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.entrySet().stream()
          .map(c -> c.getKey() + "=" + c.getValue()).toList()));
    }
    if (withToken && csrfToken() != null) {
      request.header(CSRF_HEADER, csrfToken());
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String pair = cookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
