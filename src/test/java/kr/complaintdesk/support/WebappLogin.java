package kr.complaintdesk.support;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Logs in to a Camunda webapp (tasklist, cockpit, admin) as its login page does: CSRF token first, password demo. */
public final class WebappLogin {

  private WebappLogin() {}

  public static HttpStatus status(TestRestTemplate rest, String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .split(";")[0].substring("XSRF-TOKEN=".length());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", token);
    cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";")[0]));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    return HttpStatus.valueOf(rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value());
  }
}
