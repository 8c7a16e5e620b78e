package kr.complaintdesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A small HTTP client for one node's engine REST API, as Modeler and integrations call it. */
public class EngineRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public EngineRestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Response get(String user, String path) {
    return send(request(user, path).GET().build());
  }

  public Response postJson(String user, String path, Object body) {
    try {
      return send(request(user, path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deploys one model the way Camunda Modeler does: multipart POST to /deployment/create. */
  public Response deploy(String user, String deploymentName, String fileName, String content) {
    String boundary = "----" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
        + "--" + boundary + "--\r\n";
    return send(request(user, "/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private HttpRequest.Builder request(String user, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest" + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials);
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Status and body; {@code status == -1} when the node did not answer. */
  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }
}
