package kr.complaintdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One customer across phone numbers, e-mail addresses and SNS handles, through the case API: matching,
 * merging customers found to be one person, and an opt-out that reaches every identity.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerIdentityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGENT = "cs-agent1";
  private static final String INTEGRATION = "channel-integration1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  // ---------------------------------------------------------------- matching

  @Test
  void threePhoneWritingsAnEmailInAnotherCaseAndAnSnsHandleAreOneCustomer() {
    String digits = uniqueMobileDigits();
    String tag = uniqueTag();
    String dashed = digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
    String international = "+82 " + digits.substring(1, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);

    JsonNode first = submit(contact(dashed, "Mina." + tag + "@Example.KR", null));
    JsonNode second = submit(contact(international, null, "@Mina_" + tag));
    JsonNode third = submit(contact(digits, "mina." + tag.toLowerCase() + "@example.kr", null));

    String customerId = first.path("customerId").asText();
    assertThat(customerId).startsWith("CU-");
    assertThat(second.path("customerId").asText()).isEqualTo(customerId);
    assertThat(third.path("customerId").asText()).isEqualTo(customerId);

    JsonNode customer = get("/api/customers/" + customerId, AGENT);
    assertThat(customer.path("customerId").asText()).isEqualTo(customerId);
    assertThat(texts(customer.path("identities").path("PHONE"))).containsExactly(digits);
    assertThat(texts(customer.path("identities").path("EMAIL"))).containsExactly("mina." + tag.toLowerCase() + "@example.kr");
    assertThat(texts(customer.path("identities").path("SNS"))).containsExactly("mina_" + tag.toLowerCase());
    assertThat(customer.path("contactOptOut").asBoolean()).isFalse();
    assertThat(caseNumbersOf(customerId)).containsExactlyInAnyOrder(first.path("caseNumber").asText(),
        second.path("caseNumber").asText(), third.path("caseNumber").asText());
  }

  @Test
  void aLaterComplaintByEmailOnlyAttachesToTheKnownCustomer() {
    String email = "lee." + uniqueTag() + "@example.kr";
    JsonNode first = submit(contact(phone(uniqueMobileDigits()), email, null));

    JsonNode later = submit(contact(null, "  " + email.toUpperCase() + " ", null));

    String customerId = first.path("customerId").asText();
    assertThat(later.path("customerId").asText()).isEqualTo(customerId);
    assertThat(caseNumbersOf(customerId)).containsExactly(first.path("caseNumber").asText(), later.path("caseNumber").asText());
    assertThat(runtimeService.getVariable(instanceId(later.path("caseNumber").asText()), "customerId")).isEqualTo(customerId);
  }

  @Test
  void differentPeopleStayDifferentCustomers() {
    JsonNode one = submit(contact(phone(uniqueMobileDigits()), null, null));
    JsonNode other = submit(contact(phone(uniqueMobileDigits()), null, null));

    assertThat(other.path("customerId").asText()).isNotEqualTo(one.path("customerId").asText());
  }

  // ---------------------------------------------------------------- merging

  @Test
  void mergingTwoCustomersKeepsBothHistoriesAndRepointsTheOpenCase() {
    JsonNode a = submit(contact(phone(uniqueMobileDigits()), null, null));
    String bEmail = "park." + uniqueTag() + "@example.kr";
    JsonNode b = submit(contact(null, bEmail, null));
    String aId = a.path("customerId").asText();
    String bId = b.path("customerId").asText();
    assertThat(aId).isNotEqualTo(bId);

    Reply merged = post("/api/customers/" + aId + "/merge", AGENT, "{\"mergedCustomerId\":\"" + bId + "\"}");

    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().path("customerId").asText()).isEqualTo(aId);
    assertThat(texts(merged.json().path("identities").path("EMAIL"))).containsExactly(bEmail.toLowerCase());
    assertThat(caseNumbersOf(aId)).containsExactlyInAnyOrder(a.path("caseNumber").asText(), b.path("caseNumber").asText());
    assertThat(get("/api/customers/" + bId, AGENT).path("customerId").asText()).isEqualTo(aId);
    assertThat(caseNumbersOf(bId)).containsExactlyInAnyOrder(a.path("caseNumber").asText(), b.path("caseNumber").asText());
    assertThat(runtimeService.getVariable(instanceId(b.path("caseNumber").asText()), "customerId")).isEqualTo(aId);
    assertThat(jdbc.queryForObject("SELECT customer_id FROM complaint_case WHERE case_number = ?", String.class,
        b.path("caseNumber").asText())).isEqualTo(aId);
    // B's e-mail now leads to A.
    assertThat(submit(contact(null, bEmail, null)).path("customerId").asText()).isEqualTo(aId);
  }

  @Test
  void mergingIsRefusedForOutsidersUnknownCustomersAndOneCustomerWithItself() {
    String aId = submit(contact(phone(uniqueMobileDigits()), null, null)).path("customerId").asText();
    String bId = submit(contact(phone(uniqueMobileDigits()), null, null)).path("customerId").asText();
    String body = "{\"mergedCustomerId\":\"" + bId + "\"}";

    assertThat(post("/api/customers/" + aId + "/merge", INTEGRATION, body).status()).isEqualTo(403);
    assertThat(post("/api/customers/" + aId + "/merge", "quality1", body).status()).isEqualTo(403);
    assertThat(post("/api/customers/CU-unknown/merge", AGENT, body).status()).isEqualTo(404);
    assertThat(post("/api/customers/" + aId + "/merge", AGENT, "{\"mergedCustomerId\":\"CU-unknown\"}").status()).isEqualTo(404);
    assertThat(post("/api/customers/" + aId + "/merge", AGENT, "{\"mergedCustomerId\":\"" + aId + "\"}").status()).isEqualTo(409);
    Reply missing = post("/api/customers/" + aId + "/merge", AGENT, "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("mergedCustomerId");

    assertThat(get("/api/customers/" + bId, AGENT).path("customerId").asText()).isEqualTo(bId);
  }

  @Test
  void anUnknownCustomerAnswers404() {
    Reply reply = send("GET", "/api/customers/CU-does-not-exist", AGENT, null);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  // ---------------------------------------------------------------- opt-out

  @Test
  void anUnwantedContactComplaintOptsOutEveryIdentityOfTheCustomer() {
    String digits = uniqueMobileDigits();
    String tag = uniqueTag();
    String email = "choi." + tag + "@example.kr";
    String handle = "choi_" + tag.toLowerCase();
    JsonNode first = submit(contact(phone(digits), email, null));
    submit(contact(phone(digits), null, "@" + handle));
    String bystanderId = submit(contact(phone(uniqueMobileDigits()), null, null)).path("customerId").asText();
    String customerId = first.path("customerId").asText();
    assertThat(optedOut(customerId)).isFalse();

    Map<String, Object> unwanted = contact(null, email, null);
    unwanted.put("category", "UNWANTED_CONTACT");
    unwanted.put("description", "수신 거부했는데 계속 광고 메일이 옵니다");
    JsonNode optOut = submit(unwanted);

    assertThat(optOut.path("customerId").asText()).isEqualTo(customerId);
    assertThat(optedOut(customerId)).isTrue();
    // Whichever identity, in whichever writing, the customer uses next, it is the customer who opted out.
    String international = "+82 " + digits.substring(1, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
    for (Map<String, Object> again : List.of(contact(international, null, null), contact(null, email.toUpperCase(), null),
        contact(null, null, "@" + handle.toUpperCase()))) {
      assertThat(submit(again).path("customerId").asText()).isEqualTo(customerId);
    }
    // Someone else is still contactable.
    assertThat(optedOut(bystanderId)).isFalse();
  }

  @Test
  void anOptOutOfAMergedCustomerHoldsForTheSurvivorAndEveryIdentity() {
    String survivorPhone = phone(uniqueMobileDigits());
    String survivorId = submit(contact(survivorPhone, null, null)).path("customerId").asText();
    String email = "jung." + uniqueTag() + "@example.kr";
    Map<String, Object> unwanted = contact(null, email, null);
    unwanted.put("category", "UNWANTED_CONTACT");
    String mergedId = submit(unwanted).path("customerId").asText();
    assertThat(optedOut(survivorId)).isFalse();

    assertThat(post("/api/customers/" + survivorId + "/merge", "cs-lead1", "{\"mergedCustomerId\":\"" + mergedId + "\"}")
        .status()).isEqualTo(200);

    JsonNode survivor = get("/api/customers/" + survivorId, AGENT);
    assertThat(survivor.path("contactOptOut").asBoolean()).isTrue();
    assertThat(texts(survivor.path("identities").path("PHONE"))).containsExactly(survivorPhone.replace("-", ""));
    assertThat(texts(survivor.path("identities").path("EMAIL"))).containsExactly(email.toLowerCase());
  }

  private boolean optedOut(String customerId) {
    return get("/api/customers/" + customerId, AGENT).path("contactOptOut").asBoolean();
  }

  // ---------------------------------------------------------------- normalisation

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "PHONE, 010-1234-5678, 01012345678",
      "PHONE, +82 10 1234 5678, 01012345678",
      "PHONE, +82-10-1234-5678, 01012345678",
      "PHONE, +82 010 1234 5678, 01012345678",
      "PHONE, 01012345678, 01012345678",
      "PHONE, ' 010 1234 5678 ', 01012345678",
      "PHONE, 011-123-4567, 0111234567",
      "PHONE, 02-123-4567, 021234567",
      "PHONE, (02) 1234-5678, 0212345678",
      "PHONE, +82 2 123 4567, 021234567",
      "PHONE, 051-123-4567, 0511234567",
      "PHONE, 031-1234-5678, 03112345678",
      "PHONE, 070-1234-5678, 07012345678",
      "PHONE, 1588-1234, 15881234",
      "EMAIL, Kim.MinSu@Example.KR, kim.minsu@example.kr",
      "EMAIL, ' lee@example.com ', lee@example.com",
      "SNS, @Mina_K, mina_k",
      "SNS, mina.k-2, mina.k-2",
  })
  void identitiesAreNormalised(IdentityKind kind, String raw, String normalised) {
    assertThat(kind.normalise(raw)).contains(normalised);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"010-123", "0101234", "010-1234-567a", "O10-1234-5678", "+1 415 555 0100", "+44 20 7946 0958",
      "010-1234-56789-0", "0101234567890", "12345", "001-1234-5678", "+82", "++82 10 1234 5678", "010.1234.5678",
      "전화 010-1234-5678"})
  void invalidPhoneNumbersAreRejected(String raw) {
    assertThat(IdentityKind.PHONE.normalise(raw)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kim@", "@example.kr", "kim example@example.kr", "kim@example", "a@b@example.kr"})
  void invalidEmailAddressesAreRejected(String raw) {
    assertThat(IdentityKind.EMAIL.normalise(raw)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"@", "@홍길동", "two words", "@@double", "name!"})
  void invalidSnsHandlesAreRejected(String raw) {
    assertThat(IdentityKind.SNS.normalise(raw)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void blankIdentitiesAreNoIdentity(String raw) {
    for (IdentityKind kind : IdentityKind.values()) {
      assertThat(kind.normalise(raw)).isEmpty();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String uniqueMobileDigits() {
    return TestData.phone().replace("-", "");
  }

  private static String phone(String digits) {
    return digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
  }

  /** Upper and lower case letters, so that matching regardless of case is put to the test. */
  private static String uniqueTag() {
    return TestData.unique("Tag");
  }

  private static Map<String, Object> contact(String phone, String email, String snsHandle) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "최지우");
    customer.put("phone", phone);
    customer.put("email", email);
    customer.put("snsHandle", snsHandle);
    customer.put("region", "daegu");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "EMAIL");
    body.put("externalRef", TestData.unique("MAIL"));
    body.put("category", "SERVICE");
    body.put("customer", customer);
    body.put("description", "배송 안내가 부정확했습니다");
    return body;
  }

  private JsonNode submit(Map<String, Object> body) {
    try {
      Reply reply = post("/api/complaints", INTEGRATION, JSON.writeValueAsString(body));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return reply.json();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> caseNumbersOf(String customerId) {
    List<String> numbers = new ArrayList<>();
    get("/api/customers/" + customerId + "/complaints", AGENT).forEach(c -> numbers.add(c.path("caseNumber").asText()));
    return numbers;
  }

  private String instanceId(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case")
        .processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private JsonNode get(String path, String user) {
    Reply reply = send("GET", path, user, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private Reply post(String path, String user, String body) {
    return send("POST", path, user, body);
  }

  private Reply send(String method, String path, String user, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }
}
