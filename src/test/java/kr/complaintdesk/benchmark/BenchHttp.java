package kr.complaintdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * HTTP/1.1 to one node on loopback, as the demo users (password {@code demo}): the case API and engine
 * REST alike. Every reply carries the time it took, measured around the whole exchange.
 */
final class BenchHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "demo";
  /**
   * Long enough for the slowest Tasklist filter seen at volume (issue 11: 64 s on H2 at 10,000 cases);
   * {@code -Dbenchmark.requestTimeoutMinutes} changes it.
   */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(
      Long.parseLong(System.getProperty(BenchmarkSettings.PREFIX + "requestTimeoutMinutes", "10")));

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  BenchHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Reply get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  Reply post(String user, String path, Object body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)).build());
  }

  Reply put(String user, String path, Object body) {
    return send(request(user, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)).build());
  }

  Reply delete(String user, String path) {
    return send(request(user, path).DELETE().build());
  }

  /** A model deployed the way Camunda Modeler deploys it: multipart POST to /engine-rest/deployment/create. */
  Reply deploy(String user, String deploymentName, String fileName, String content) {
    String boundary = "----" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
        + "--" + boundary + "--\r\n";
    return send(request(user, "/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private HttpRequest.Builder request(String user, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + credentials);
  }

  private Reply send(HttpRequest request) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), System.nanoTime() - started);
    } catch (HttpTimeoutException e) {
      return new Reply(Reply.TIMED_OUT, e.toString(), System.nanoTime() - started);
    } catch (IOException e) {
      return new Reply(Reply.UNANSWERED, e.toString(), System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(Reply.UNANSWERED, e.toString(), System.nanoTime() - started);
    }
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Status, body and the time the exchange took; a negative status when there was no HTTP answer. */
  record Reply(int status, String body, long nanos) {

    static final int UNANSWERED = -1;
    static final int TIMED_OUT = -2;

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    /** What went wrong, short enough for a report: status and the start of the body. */
    String problem() {
      String shown = body == null ? "" : body.replaceAll("\\s+", " ");
      return (status == TIMED_OUT ? "timed out" : status == UNANSWERED ? "no answer" : "HTTP " + status)
          + (shown.isEmpty() ? "" : ": " + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown));
    }
  }
}
