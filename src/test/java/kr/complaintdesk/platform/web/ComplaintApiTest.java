package kr.complaintdesk.platform.web;

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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import kr.complaintdesk.support.CaseDriver;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The case API of SOP.md over real HTTP: intake (exactly one case per submission, also under
 * concurrency), bad input, unknown and closed cases, the customer's messages, the timeline and access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ComplaintApiTest {

  static final String AGENT = "cs-agent1";
  static final String LEAD = "cs-lead1";
  static final String INTEGRATION = "channel-integration1";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  ApiClient api;
  CaseDriver driver;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    driver = new CaseDriver(engine);
  }

  // ---------------------------------------------------------------- intake

  @Test
  void submittingAComplaintAnswers201WithLocationCaseNumberAndPriority() {
    Map<String, Object> body = validIntake("SERVICE");

    Reply reply = api.post("/api/complaints", INTEGRATION, json(body));

    assertThat(reply.status()).isEqualTo(201);
    String caseNumber = reply.json().path("caseNumber").asText();
    assertThat(caseNumber).matches("C-\\d{4}-\\d{6}");
    assertThat(reply.location()).endsWith("/api/complaints/" + caseNumber);
    assertThat(reply.json().path("priority").asText()).isEqualTo("P3");
    assertThat(reply.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(reply.json().path("customerId").asText()).startsWith("CU-");

    ProcessInstance instance = instance(caseNumber);
    assertThat(runtimeService.getVariable(instance.getId(), "priority")).isEqualTo("P3");
    assertThat(runtimeService.getVariable(instance.getId(), "customerId")).isEqualTo(reply.json().path("customerId").asText());
    assertThat(runtimeService.getVariable(instance.getId(), "submittedBy")).isEqualTo(INTEGRATION);

    Reply details = api.get(reply.location().substring(reply.location().indexOf("/api/")), AGENT);
    assertThat(details.status()).isEqualTo(200);
    assertThat(details.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(details.json().path("channel").asText()).isEqualTo("WEB");
    assertThat(details.json().path("category").asText()).isEqualTo("SERVICE");
    assertThat(details.json().path("status").asText()).isEqualTo("OPEN");
    assertThat(details.json().path("priority").asText()).isEqualTo("P3");
    assertThat(texts(details.json().path("openTasks"))).contains("고객 1차 응대");
    assertThat(details.json().path("offers")).isEmpty();
  }

  @Test
  void harmOrAThreatMakesTheNewCaseP1() {
    Map<String, Object> harm = validIntake("HEALTH_HARM");
    Map<String, Object> threat = validIntake("DELIVERY_DELAY");
    threat.put("externalThreat", true);

    assertThat(api.post("/api/complaints", AGENT, json(harm)).json().path("priority").asText()).isEqualTo("P1");
    assertThat(api.post("/api/complaints", AGENT, json(threat)).json().path("priority").asText()).isEqualTo("P1");
  }

  @Test
  void resubmittingTheSameChannelReferenceReturnsTheSameCaseWith200() {
    Map<String, Object> body = validIntake("SERVICE");
    Reply first = api.post("/api/complaints", INTEGRATION, json(body));
    body.put("description", "같은 게시글을 다시 보냄 (내용이 조금 달라짐)");

    Reply again = api.post("/api/complaints", INTEGRATION, json(body));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("caseNumber").asText()).isEqualTo(first.json().path("caseNumber").asText());
    assertThat(again.location()).isEqualTo(first.location());
    assertThat(casesWithExternalRef((String) body.get("externalRef"))).isEqualTo(1);
    // The first reply takes the priority from the start itself, a repeated one reads the case's current one.
    assertThat(first.json().path("priority").asText()).isEqualTo("P3");
    assertThat(again.json().path("priority").asText()).isEqualTo("P3");
  }

  @Test
  void spacesAroundChannelAndReferenceDoNotMakeAnotherSubmission() {
    Map<String, Object> body = validIntake("SERVICE");
    Reply first = api.post("/api/complaints", INTEGRATION, json(body));
    body.put("channel", " " + body.get("channel") + " ");
    body.put("externalRef", body.get("externalRef") + "  ");
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) body.get("customer");
    customer.put("region", customer.get("region") + " ");

    Reply again = api.post("/api/complaints", INTEGRATION, json(body));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("caseNumber").asText()).isEqualTo(first.json().path("caseNumber").asText());
    assertThat(casesWithExternalRef(((String) body.get("externalRef")).strip())).isEqualTo(1);
  }

  @Test
  void aRegionWithSpacesIsStoredAsTheRegionSoTheVisitReachesItsDivision() {
    Map<String, Object> body = validIntake("HEALTH_HARM");
    @SuppressWarnings("unchecked")
    Map<String, Object> customer = (Map<String, Object>) body.get("customer");
    customer.put("region", " busan ");

    Reply reply = api.post("/api/complaints", INTEGRATION, json(body));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(runtimeService.getVariable(instance(reply.json().path("caseNumber").asText()).getId(), "region"))
        .isEqualTo("busan");
  }

  @Test
  void theSameExternalReferenceOnAnotherChannelIsAnotherSubmission() {
    Map<String, Object> web = validIntake("SERVICE");
    Map<String, Object> email = new LinkedHashMap<>(web);
    email.put("channel", "EMAIL");

    Reply first = api.post("/api/complaints", INTEGRATION, json(web));
    Reply second = api.post("/api/complaints", INTEGRATION, json(email));

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("caseNumber").asText()).isNotEqualTo(first.json().path("caseNumber").asText());
  }

  @Test
  void theSameIdempotencyKeyWithDifferentBodiesReturnsTheSameCase() {
    String key = TestData.unique("idem-different-bodies");
    Map<String, Object> first = validIntake("SERVICE");
    Map<String, Object> second = validIntake("DELIVERY_DELAY");
    second.put("channel", "EMAIL");

    Reply created = api.post("/api/complaints", INTEGRATION, json(first), "Idempotency-Key", key);
    Reply repeated = api.post("/api/complaints", INTEGRATION, json(second), "Idempotency-Key", key);

    assertThat(created.status()).isEqualTo(201);
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().path("caseNumber").asText()).isEqualTo(created.json().path("caseNumber").asText());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE idempotency_key = ?", Integer.class, key))
        .isEqualTo(1);
    assertThat(casesWithExternalRef((String) second.get("externalRef"))).isZero();
  }

  @Test
  void twentyConcurrentIdenticalSubmissionsCreateExactlyOneCase() throws Exception {
    Map<String, Object> body = validIntake("PRODUCT_DEFECT");
    String externalRef = (String) body.get("externalRef");

    List<Reply> replies = submitConcurrently(api, 20, i -> json(body), i -> null);

    assertExactlyOneCase(replies, jdbc, runtimeService, historyService, "externalRef", externalRef);
    assertThat(casesWithExternalRef(externalRef)).isEqualTo(1);
  }

  @Test
  void twentyConcurrentSubmissionsSharingAnIdempotencyKeyCreateExactlyOneCase() throws Exception {
    String key = TestData.unique("idem-concurrent");
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bodies.add(json(validIntake("DELIVERY_DELAY")));
    }

    List<Reply> replies = submitConcurrently(api, 20, bodies::get, i -> key);

    assertExactlyOneCase(replies, jdbc, runtimeService, historyService, "idempotencyKey", key);
  }

  /**
   * Sends {@code count} submissions at the same moment (all threads released by one latch) and returns
   * every reply.
   */
  static List<Reply> submitConcurrently(ApiClient api, int count, IntFunction<String> body,
      IntFunction<String> idempotencyKey) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch ready = new CountDownLatch(count);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          String payload = body.apply(n);
          String key = idempotencyKey.apply(n);
          ready.countDown();
          go.await();
          return key == null ? api.post("/api/complaints", INTEGRATION, payload)
              : api.post("/api/complaints", INTEGRATION, payload, "Idempotency-Key", key);
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get(120, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One 201, the rest 200, all with the same case number; one record and one process instance. */
  static void assertExactlyOneCase(List<Reply> replies, JdbcTemplate jdbc, RuntimeService runtimeService,
      HistoryService historyService, String variable, String value) {
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
    assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
    List<String> caseNumbers = replies.stream().map(r -> r.json().path("caseNumber").asText()).distinct().toList();
    assertThat(caseNumbers).hasSize(1);
    String caseNumber = caseNumbers.get(0);
    assertThat(caseNumber).matches("C-\\d{4}-\\d{6}");
    assertThat(replies).allSatisfy(r -> assertThat(r.location()).endsWith("/api/complaints/" + caseNumber));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE case_number = ?", Integer.class, caseNumber))
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case")
        .variableValueEquals(variable, value).count()).isEqualTo(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-case")
        .variableValueEquals(variable, value).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case")
        .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE case_number = ? AND kind = 'INTAKE'",
        Integer.class, caseNumber)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- bad input

  static Stream<Arguments> badIntakes() {
    String today = engineToday().toString();
    return Stream.of(
        bad("missing channel", b -> b.remove("channel"), "channel", "필수"),
        bad("missing category", b -> b.remove("category"), "category", "필수"),
        bad("missing customer name", b -> customer(b).remove("name"), "customer.name", "필수"),
        bad("missing description", b -> b.put("description", "   "), "description", "필수"),
        bad("missing region", b -> customer(b).remove("region"), "customer.region", "필수"),
        bad("no phone, e-mail or SNS handle", b -> {
          customer(b).remove("phone");
          customer(b).remove("email");
        }, "customer.phone", "하나는"),
        bad("unknown category", b -> b.put("category", "FOOD_POISONING"), "category", "알 수 없는 값"),
        bad("unknown channel", b -> b.put("channel", "FAX"), "channel", "알 수 없는 값"),
        bad("lower-case enum value", b -> b.put("channel", "web"), "channel", "알 수 없는 값"),
        bad("unknown remedy", b -> b.put("remedySought", "MONEY_BACK"), "remedySought", "알 수 없는 값"),
        bad("unknown region", b -> customer(b).put("region", "jeju"), "customer.region", "알 수 없는 지역"),
        bad("malformed phone", b -> customer(b).put("phone", "12-34"), "customer.phone", "전화번호"),
        bad("foreign phone", b -> customer(b).put("phone", "+1 415 555 0100"), "customer.phone", "전화번호"),
        bad("phone with letters", b -> customer(b).put("phone", "010-1234-567O"), "customer.phone", "전화번호"),
        bad("malformed e-mail", b -> customer(b).put("email", "kim@@example"), "customer.email", "이메일"),
        bad("malformed SNS handle", b -> customer(b).put("snsHandle", "@홍길동 계정"), "customer.snsHandle", "SNS"),
        bad("too long description", b -> b.put("description", "가".repeat(4001)), "description", "4000자"),
        bad("too long customer name", b -> customer(b).put("name", "김".repeat(51)), "customer.name", "50자"),
        bad("too long external reference", b -> b.put("externalRef", "R".repeat(201)), "externalRef", "200자"),
        bad("too long product code", b -> product(b).put("code", "P".repeat(41)), "product.code", "40자"),
        bad("impossible date", b -> b.put("occurredOn", "2026-02-30"), "occurredOn", "없는 날짜"),
        bad("date in another format", b -> b.put("occurredOn", "2026/01/05"), "occurredOn", "YYYY-MM-DD"),
        // Two days ahead: still in the future if Korean midnight passes while the request is on its way.
        bad("future occurredOn", b -> b.put("occurredOn", engineToday().plusDays(2).toString()), "occurredOn", "미래"),
        bad("impossible agency reply date", b -> b.put("agencyReplyDue", "2026-13-01"), "agencyReplyDue", "없는 날짜"),
        bad("public post URL without http", b -> b.put("publicPostUrl", "cafe.example.kr/123"), "publicPostUrl", "http"),
        bad("externalThreat as a word", b -> b.put("externalThreat", "yes"), "externalThreat", "true 또는 false"),
        bad("externalThreat as an object", b -> b.put("externalThreat", Map.of("value", true)), "externalThreat", "형식"),
        bad("customer as a string", b -> b.put("customer", "김민수"), "customer", "형식"),
        bad("description as an object", b -> b.put("description", Map.of("text", "x")), "description", "형식"),
        bad("product as an array", b -> b.put("product", List.of("P-1")), "product", "형식"),
        bad("a control character in the description", b -> b.put("description", "발진\u0000"), "description", "제어 문자"),
        bad("a control character hidden in the channel", b -> b.put("channel", "WEB\u0000"), "channel", "제어 문자"),
        bad("today is fine but the channel is missing", b -> {
          b.put("occurredOn", today);
          b.remove("channel");
        }, "channel", "필수"));
  }

  private static Arguments bad(String name, Consumer<Map<String, Object>> change, String field, String reason) {
    return Arguments.of(name, change, field, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIntakes")
  void badIntakeAnswers400NamingTheFieldAndWritesNothing(String name, Consumer<Map<String, Object>> change, String field,
      String reason) {
    Map<String, Object> body = validIntake("SERVICE");
    change.accept(body);
    Counts before = counts();

    Reply reply = api.post("/api/complaints", INTEGRATION, json(body));

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply)).as(reply.body()).anySatisfy((f, why) -> {
      assertThat(f).isEqualTo(field);
      assertThat(why).contains(reason);
    });
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyBadFieldOfOneRequestIsNamed() {
    Map<String, Object> body = validIntake("SERVICE");
    body.remove("channel");
    customer(body).put("phone", "010-12");
    body.put("description", "x".repeat(4001));
    body.put("occurredOn", "2025-02-29");
    body.put("category", "NOPE");
    Counts before = counts();

    Reply reply = api.post("/api/complaints", INTEGRATION, json(body));

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply).keySet())
        .contains("channel", "customer.phone", "description", "occurredOn", "category");
    assertThat(reply.json().path("detail").asText()).contains("channel").contains("customer.phone");
    assertThat(counts()).isEqualTo(before);
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(
        Arguments.of("not JSON", "this is not json"),
        Arguments.of("empty body", ""),
        Arguments.of("JSON array", "[{\"channel\":\"WEB\"}]"),
        Arguments.of("JSON null", "null"),
        Arguments.of("JSON string", "\"WEB\""),
        Arguments.of("truncated JSON", "{\"channel\":\"WEB\",\"category\":\"SER"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void unreadableBodyAnswers400AboutTheBodyAndWritesNothing(String name, String body) {
    Counts before = counts();

    Reply reply = api.post("/api/complaints", INTEGRATION, body);

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply)).as(reply.body()).containsKey("body");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void tooLongIdempotencyKeyIsRefusedByName() {
    Counts before = counts();

    Reply reply = api.post("/api/complaints", INTEGRATION, json(validIntake("SERVICE")), "Idempotency-Key", "k".repeat(201));

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply)).containsKey("Idempotency-Key");
    assertThat(counts()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- unknown and closed cases

  @Test
  void anUnknownCaseAnswers404Everywhere() {
    String unknown = "/api/complaints/C-1999-999999";
    for (Reply reply : List.of(
        api.get(unknown, AGENT),
        api.get(unknown + "/timeline", AGENT),
        api.post(unknown + "/responses", AGENT, "{\"accepted\":true}"),
        api.post(unknown + "/contacts", AGENT, "{\"channel\":\"PHONE\"}"),
        api.post(unknown + "/withdrawal", AGENT, "{\"reason\":\"취소\"}"))) {
      assertProblem(reply, 404);
      assertThat(reply.json().path("detail").asText()).contains("C-1999-999999");
    }
  }

  // ---------------------------------------------------------------- the same case changed at the same moment

  @Test
  void contactsArrivingTogetherAreAllRecorded() {
    String caseNumber = submit("SERVICE");
    int entries = timelineSize(caseNumber);

    List<Reply> replies = atOnce(6, i -> api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION,
        "{\"channel\":\"PHONE\",\"note\":\"동시 연락 " + i + "\"}"));

    assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsOnly(202);
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("CONTACT")).hasSize(6);
    assertThat(timelineSize(caseNumber)).isGreaterThanOrEqualTo(entries + 6);
  }

  @RepeatedTest(5)
  void ofWithdrawalsArrivingTogetherOneWinsAndTheOthersAre409() {
    String caseNumber = submit("SERVICE");

    List<Reply> replies = atOnce(4, i -> api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT,
        "{\"reason\":\"동시 철회 " + i + "\"}"));

    assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsOnly(200, 409).containsOnlyOnce(200);
    replies.stream().filter(r -> r.status() == 409).forEach(r -> assertKoreanConflict(r, caseNumber));
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("WITHDRAWAL")).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT outcome FROM complaint_case WHERE case_number = ?", String.class, caseNumber))
        .isEqualTo("WITHDRAWN");
  }

  @Test
  void ofAnswersToOneOfferArrivingTogetherOneWinsAndTheOthersAre409() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = bringToCustomerResponse(caseNumber, "APOLOGY", 0L);

    List<Reply> replies = atOnce(4, i -> api.post("/api/complaints/" + caseNumber + "/responses", AGENT,
        "{\"accepted\":" + (i % 2 == 0) + ",\"note\":\"동시 답변 " + i + "\"}"));

    assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsOnly(200, 409).containsOnlyOnce(200);
    replies.stream().filter(r -> r.status() == 409).forEach(r -> assertKoreanConflict(r, null));
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("CUSTOMER_RESPONSE")).hasSize(1);
    assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).isEmpty();
  }

  @Test
  void aContactAndAWithdrawalArrivingTogetherAreBothTakenOrTheContactIsToldTheCaseEnded() {
    String caseNumber = submit("SERVICE");

    List<Reply> replies = atOnce(2, i -> i == 0
        ? api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, "{\"reason\":\"철회\"}")
        : api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION, "{\"channel\":\"PHONE\"}"));

    assertThat(replies.get(0).status()).as(bodies(replies)).isEqualTo(200);
    assertThat(replies.get(1).status()).as(bodies(replies)).isIn(202, 409);
    long contacts = timeline(caseNumber).stream().filter(e -> e.path("kind").asText().equals("CONTACT")).count();
    assertThat(contacts).isEqualTo(replies.get(1).status() == 202 ? 1 : 0);
  }

  /** Sends {@code count} requests at the same moment (each on its own thread) and returns the replies in order. */
  static List<Reply> atOnce(int count, IntFunction<Reply> request) {
    CyclicBarrier start = new CyclicBarrier(count);
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(threads.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return request.apply(n);
        }));
      }
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get(120, TimeUnit.SECONDS));
      }
      return replies;
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      threads.shutdownNow();
    }
  }

  static String bodies(List<Reply> replies) {
    return replies.stream().map(r -> r.status() + " " + r.body()).toList().toString();
  }

  /** A 409 problem with a Korean detail and nothing of the engine's or the database's own text. */
  static void assertKoreanConflict(Reply reply, String caseNumber) {
    assertProblem(reply, 409);
    String detail = reply.json().path("detail").asText();
    assertThat(detail).containsPattern("[가-힣]").doesNotContain("ENGINE-", "SQL", "Exception", "ACT_");
    if (caseNumber != null) {
      assertThat(detail).contains(caseNumber);
    }
  }

  @Test
  void aWithdrawnCaseAnswers409ToEveryFurtherMessage() {
    String caseNumber = submit("SERVICE");
    assertThat(api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, "{\"reason\":\"해결됨\"}").status())
        .isEqualTo(200);
    int entries = timelineSize(caseNumber);

    for (Reply reply : List.of(
        api.post("/api/complaints/" + caseNumber + "/responses", AGENT, "{\"accepted\":true}"),
        api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION, "{\"channel\":\"PHONE\",\"note\":\"또 연락\"}"),
        api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, "{\"reason\":\"다시\"}"))) {
      assertProblem(reply, 409);
      assertThat(reply.json().path("detail").asText()).contains(caseNumber).contains("이미 종결").contains("결과: 고객 철회");
    }
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void aResponseWhileNoOfferWaitsAnswers409AndRecordsNothing() {
    String caseNumber = submit("SERVICE");
    int entries = timelineSize(caseNumber);

    Reply reply = api.post("/api/complaints/" + caseNumber + "/responses", AGENT, "{\"accepted\":true}");

    assertProblem(reply, 409);
    assertThat(reply.json().path("detail").asText()).contains("해결안이 없습니다");
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(driver.openTasks(instance(caseNumber), "UserTask_FirstContact")).hasSize(1);
  }

  @Test
  void aResponseWithoutAcceptedAnswers400() {
    String caseNumber = submit("SERVICE");
    for (String body : List.of("{}", "{\"accepted\":null}", "{\"note\":\"좋아요\"}")) {
      Reply reply = api.post("/api/complaints/" + caseNumber + "/responses", AGENT, body);
      assertProblem(reply, 400);
      assertThat(fieldErrors(reply)).containsKey("accepted");
    }
    Reply wrongType = api.post("/api/complaints/" + caseNumber + "/responses", AGENT, "{\"accepted\":\"maybe\"}");
    assertProblem(wrongType, 400);
    assertThat(fieldErrors(wrongType)).containsKey("accepted");
  }

  // ---------------------------------------------------------------- customer messages

  @Test
  void anAcceptedResponseEndsTheRecordResponseTaskAndGoesOnToFollowUp() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = bringToCustomerResponse(caseNumber, "APOLOGY", 0L);

    Reply reply = api.post("/api/complaints/" + caseNumber + "/responses", AGENT,
        "{\"accepted\":true,\"note\":\"사과 받아들임\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(reply.json().path("accepted").asBoolean()).isTrue();
    assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).isEmpty();
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    assertThat(driver.openTasks(pi, "UserTask_FollowUpCall")).hasSize(1);
    assertThat(runtimeService.getVariable(pi.getId(), "offerAccepted")).isEqualTo(true);
    assertThat(runtimeService.getVariable(pi.getId(), "customerResponseNote")).isEqualTo("사과 받아들임");
    // The lead sees the offer and the answer with the case.
    assertThat(api.get("/api/complaints/" + caseNumber, LEAD).json().path("offers")).singleElement().satisfies(offer -> {
      assertThat(offer.path("round").asInt()).isEqualTo(1);
      assertThat(offer.path("finalOffer").asBoolean()).isFalse();
      assertThat(offer.path("remedy").asText()).isEqualTo("APOLOGY");
      assertThat(offer.path("amountKrw").asLong()).isZero();
      assertThat(offer.path("text").asText()).isEqualTo("해결안");
      assertThat(offer.path("preparedBy").asText()).isEqualTo(AGENT);
      assertThat(offer.path("createdAt").asText()).isNotBlank();
      assertThat(offer.path("accepted").asBoolean()).isTrue();
      assertThat(offer.path("respondedAt").asText()).isNotBlank();
    });
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("CUSTOMER_RESPONSE"))
        .singleElement().satisfies(e -> {
          assertThat(e.path("actor").asText()).isEqualTo(AGENT);
          assertThat(e.path("summary").asText()).contains("수락");
          assertThat(e.path("details").asText()).isEqualTo("사과 받아들임");
        });
  }

  @Test
  void aRejectedResponseEndsTheRecordResponseTaskAndAsksForAnAlternativeOffer() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = bringToCustomerResponse(caseNumber, "COUPON", 5000L);

    Reply reply = api.post("/api/complaints/" + caseNumber + "/responses", LEAD, "{\"accepted\":false,\"note\":\"부족함\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("accepted").asBoolean()).isFalse();
    assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).isEmpty();
    assertThat(driver.openTasks(pi, "UserTask_PrepareOffer")).hasSize(1);
    assertThat(runtimeService.getVariable(pi.getId(), "offerRound")).isEqualTo(1);
    assertThat(api.get("/api/complaints/" + caseNumber, AGENT).json().path("offers")).singleElement().satisfies(offer -> {
      assertThat(offer.path("amountKrw").asLong()).isEqualTo(5000L);
      assertThat(offer.path("accepted").isBoolean()).isTrue();
      assertThat(offer.path("accepted").asBoolean()).isFalse();
    });
    // The answer has been taken: a second one finds no offer waiting.
    assertProblem(api.post("/api/complaints/" + caseNumber + "/responses", LEAD, "{\"accepted\":true}"), 409);
  }

  @Test
  void aContactIsAcceptedOnTheTimelineAndCountedByTheProcess() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = instance(caseNumber);

    Reply first = api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION,
        "{\"channel\":\"SNS\",\"note\":\"DM으로 다시 문의\"}");
    Reply second = api.post("/api/complaints/" + caseNumber + "/contacts", AGENT, "{\"channel\":\"PHONE\"}");

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(first.json().path("recorded").asBoolean()).isTrue();
    assertThat(second.status()).isEqualTo(202);
    assertThat(runtimeService.getVariable(pi.getId(), "customerContacts")).isEqualTo(2);
    List<JsonNode> contacts = timeline(caseNumber).stream().filter(e -> e.path("kind").asText().equals("CONTACT")).toList();
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(0).path("actor").asText()).isEqualTo(INTEGRATION);
    assertThat(contacts.get(0).path("summary").asText()).contains("SNS");
    assertThat(contacts.get(0).path("details").asText()).isEqualTo("DM으로 다시 문의");
    assertThat(contacts.get(1).path("actor").asText()).isEqualTo(AGENT);
    // The case goes on: the contact does not end the agent's task.
    assertThat(driver.openTasks(pi, "UserTask_FirstContact")).hasSize(1);
  }

  @Test
  void aContactWithABadChannelAnswers400AndRecordsNothing() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = instance(caseNumber);
    int entries = timelineSize(caseNumber);

    for (String body : List.of("{}", "{\"channel\":\"CARRIER_PIGEON\"}", "{\"channel\":\"PHONE\",\"note\":\"" + "n".repeat(2001) + "\"}")) {
      Reply reply = api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION, body);
      assertProblem(reply, 400);
      assertThat(fieldErrors(reply).keySet()).containsAnyOf("channel", "note");
    }
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(runtimeService.getVariable(pi.getId(), "customerContacts")).isNull();
  }

  @Test
  void withdrawingAHarmCaseInCareAndAnalysisEndsEveryOpenTaskOfTheCaseAndItsSubProcesses() {
    Map<String, Object> body = validIntake("HEALTH_HARM");
    customer(body).put("region", "busan");
    String caseNumber = api.post("/api/complaints", INTEGRATION, json(body)).json().path("caseNumber").asText();
    ProcessInstance pi = instance(caseNumber);
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "방문 동의", "remedySought", "TREATMENT_COSTS",
        "visitConsent", true);
    List<String> tree = driver.instanceTree(pi.getId());
    assertThat(tree).hasSizeGreaterThanOrEqualTo(3);
    assertThat(driver.openTasks(pi, "UserTask_ScheduleVisit")).hasSize(1);
    assertThat(driver.openTasks(pi, "UserTask_ReviewEvidence")).hasSize(1);

    Reply reply = api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, "{\"reason\":\"고객이 취하함\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(taskService.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(tree)).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("outcome")
        .singleResult().getValue()).isEqualTo("WITHDRAWN");
    Reply details = api.get("/api/complaints/" + caseNumber, AGENT);
    assertThat(details.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(details.json().path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(details.json().path("openTasks")).isEmpty();
    assertThat(kinds(timeline(caseNumber))).endsWith("WITHDRAWAL", "CLOSED");
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("WITHDRAWAL")).singleElement()
        .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo(AGENT));
  }

  // ---------------------------------------------------------------- threats and abuse

  @Test
  void aThreatReportedThroughTheApiMakesTheCaseP1AndAsksPrRisk() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = instance(caseNumber);
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isNotEqualTo("P1");

    Reply reply = api.post("/api/complaints/" + caseNumber + "/threats", INTEGRATION,
        "{\"kind\":\"MEDIA\",\"note\":\"방송국에 제보하겠다고 함\",\"publicPostUrl\":\"https://community.example/p/9\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    assertThat(reply.json().path("priority").asText()).isEqualTo("P1");
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo("P1");
    assertThat(runtimeService.getVariable(pi.getId(), "publicPostUrl")).isEqualTo("https://community.example/p/9");
    assertThat(driver.task(pi, "UserTask_AssessRaisedThreat"))
        .satisfies(task -> assertThat(taskService.getVariable(task.getId(), "threatKind")).isEqualTo("MEDIA"));
    assertThat(timeline(caseNumber)).filteredOn(e -> e.path("kind").asText().equals("ESCALATION")).singleElement()
        .satisfies(e -> {
          assertThat(e.path("summary").asText()).isEqualTo("외부 위협 제기: 언론 제보");
          assertThat(e.path("actor").asText()).isEqualTo(INTEGRATION);
        });
  }

  @Test
  void aThreatWithAnUnknownKindNoNoteOrABadAddressIsRefusedAndChangesNothing() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = instance(caseNumber);
    Object priority = runtimeService.getVariable(pi.getId(), "priority");
    int entries = timelineSize(caseNumber);

    Reply reply = api.post("/api/complaints/" + caseNumber + "/threats", AGENT,
        "{\"kind\":\"TV\",\"note\":\" \",\"publicPostUrl\":\"community.example\"}");

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply).keySet()).containsExactlyInAnyOrder("kind", "note", "publicPostUrl");
    assertThat(runtimeService.getVariable(pi.getId(), "priority")).isEqualTo(priority);
    assertThat(driver.openTasks(pi, "UserTask_AssessRaisedThreat")).isEmpty();
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void controlCharactersInTheNotesOfContactsThreatsAndAbuseReportsAreRefused() {
    String caseNumber = submit("SERVICE");
    int entries = timelineSize(caseNumber);

    for (Reply reply : List.of(
        api.post("/api/complaints/" + caseNumber + "/threats", AGENT, "{\"kind\":\"MEDIA\",\"note\":\"방송\\u0000제보\"}"),
        api.post("/api/complaints/" + caseNumber + "/abuse-reports", AGENT, "{\"note\":\"욕설\\u0007\"}"),
        api.post("/api/complaints/" + caseNumber + "/contacts", AGENT, "{\"channel\":\"PHONE\",\"note\":\"\\u001b[31m\"}"))) {
      assertProblem(reply, 400);
      assertThat(fieldErrors(reply)).containsEntry("note", "제어 문자를 쓸 수 없습니다");
    }
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
  }

  @Test
  void aBadBodyIsAnsweredWithTheIntakeWordingFieldByField() {
    String caseNumber = submit("SERVICE");

    Reply reply = api.post("/api/complaints/" + caseNumber + "/threats", AGENT,
        "{\"kind\":\"TV\",\"note\":\"" + "n".repeat(2001) + "\",\"publicPostUrl\":\"community.example\"}");

    assertProblem(reply, 400);
    assertThat(fieldErrors(reply)).containsExactly(
        Map.entry("kind", "알 수 없는 값 'TV' (허용: MEDIA, CONSUMER_AGENCY, VIRAL_POST, LAWSUIT)"),
        Map.entry("note", "2000자를 넘을 수 없습니다 (2001자)"),
        Map.entry("publicPostUrl", "http:// 또는 https:// 로 시작하는 주소여야 합니다"));
    assertThat(reply.json().path("detail").asText()).startsWith("kind: ");
  }

  @Test
  void whoMayNotDoSomethingIsToldSoBeforeTheBodyIsChecked() {
    String caseNumber = submit("SERVICE");

    assertProblem(api.post("/api/complaints/" + caseNumber + "/abuse-reports", INTEGRATION, "{}"), 403);
    assertProblem(api.post("/api/complaints/" + caseNumber + "/withdrawal", "process-owner1",
        "{\"reason\":\"" + "r".repeat(2001) + "\"}"), 403);
  }

  @Test
  void anAbuseReportHandsTheContactToTheLeadAndOnlyStaffMayFileIt() {
    String caseNumber = submit("SERVICE");
    ProcessInstance pi = instance(caseNumber);

    assertProblem(api.post("/api/complaints/" + caseNumber + "/abuse-reports", INTEGRATION, "{\"note\":\"욕설\"}"), 403);
    Reply empty = api.post("/api/complaints/" + caseNumber + "/abuse-reports", AGENT, "{}");
    assertProblem(empty, 400);
    assertThat(fieldErrors(empty).keySet()).containsExactly("note");
    assertThat(driver.openTasks(pi, "UserTask_ProtectStaff")).isEmpty();

    Reply reply = api.post("/api/complaints/" + caseNumber + "/abuse-reports", AGENT,
        "{\"note\":\"통화 중 반복적인 욕설과 위협\"}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    org.camunda.bpm.engine.task.Task protect = driver.task(pi, "UserTask_ProtectStaff");
    assertThat(driver.candidateGroups(protect)).containsExactly("cs-lead");
    assertThat(taskService.getVariable(protect.getId(), "abuseReportedBy")).isEqualTo(AGENT);
    assertThat(taskService.getVariable(protect.getId(), "abuseReport")).isEqualTo("통화 중 반복적인 욕설과 위협");
    assertThat(kinds(timeline(caseNumber))).contains("ESCALATION");
  }

  // ---------------------------------------------------------------- timeline

  @Test
  void theTimelineShowsEveryStepInOrderWithWhoAndWhat() {
    Map<String, Object> body = validIntake("SERVICE");
    String caseNumber = api.post("/api/complaints", INTEGRATION, json(body)).json().path("caseNumber").asText();
    ProcessInstance pi = instance(caseNumber);
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "사과하고 환불 요청 확인", "remedySought", "REFUND");
    driver.complete(pi, "UserTask_PrepareOffer", AGENT, "companyFault", "NO", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer("REFUND", 50000L), "offerText", "5만원 환불",
        "remedyDeviationReason", "고객이 결제 취소를 원함");
    assertThat(driver.task(pi, "UserTask_ApproveOffer").getName()).isEqualTo("해결안 승인");
    driver.complete(pi, "UserTask_ApproveOffer", LEAD, "offerApproved", true, "approvalNote", "규정 범위");
    assertThat(api.post("/api/complaints/" + caseNumber + "/responses", AGENT, "{\"accepted\":true,\"note\":\"수락\"}").status())
        .isEqualTo(200);
    String returnedOn = kr.complaintdesk.platform.calendar.EngineClock.now().toLocalDate().toString();
    driver.complete(pi, "UserTask_ConfirmReturnReceipt", "logistics1", "returnReceivedOn", returnedOn);
    driver.executeJobs(pi);
    driver.fireTimer(pi, "IntermediateCatchEvent_FollowUpDue");
    driver.complete(pi, "UserTask_FollowUpCall", AGENT, "satisfactionScore", 5L);
    driver.executeJobs(pi);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

    Reply reply = api.get("/api/complaints/" + caseNumber + "/timeline", AGENT);

    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    reply.json().forEach(entries::add);
    assertThat(kinds(entries)).containsExactly("INTAKE", "DECISION", "MESSAGE", "TASK_COMPLETED", "DECISION", "OFFER",
        "TASK_COMPLETED", "DECISION", "DECISION", "TASK_COMPLETED", "CUSTOMER_RESPONSE", "DECISION", "TASK_COMPLETED",
        "PAYOUT", "TASK_COMPLETED", "CLOSED");
    assertThat(entries).extracting(e -> e.path("actor").asText()).containsExactly(INTEGRATION, "system", "system",
        AGENT, "system", AGENT, AGENT, "system", LEAD, LEAD, AGENT, "logistics1", "logistics1", "system", AGENT, "system");

    assertThat(entries.get(0).path("details").asText()).contains((String) body.get("externalRef"));
    assertThat(entries.get(1).path("summary").asText()).contains("P3").contains("complaint-triage");
    // The acknowledgement with the case number (sent, or recorded when no sending channel is configured).
    assertThat(entries.get(2).path("summary").asText()).startsWith("고객 안내").contains(caseNumber);
    assertThat(entries.get(3).path("summary").asText()).isEqualTo("고객 1차 응대 완료");
    assertThat(entries.get(3).path("details").asText()).contains("contactNotes").contains("REFUND");
    assertThat(entries.get(4).path("summary").asText()).startsWith("보상 기준 제안");
    assertThat(entries.get(5).path("summary").asText()).isEqualTo("해결안 제시 (1차, 합계 50,000원): 환불");
    assertThat(entries.get(6).path("summary").asText()).isEqualTo("해결안 제시 완료");
    assertThat(entries.get(5).path("details").asText()).contains("• 환불 50,000원").contains("고객이 결제 취소를 원함");
    assertThat(entries.get(6).path("details").asText()).contains("\"companyFault\":\"NO\"");
    // An agent may present 30,000 won at most: a lead approves before the customer hears the offer.
    assertThat(entries.get(7).path("summary").asText()).startsWith("해결안 승인 필요: 고객상담팀 팀장 이상");
    assertThat(entries.get(8).path("summary").asText()).startsWith("해결안 승인: 환불 50,000원");
    assertThat(entries.get(9).path("summary").asText()).isEqualTo("해결안 승인 완료");
    assertThat(entries.get(9).path("details").asText()).contains("\"offerApproved\":true").contains("규정 범위");
    assertThat(entries.get(10).path("summary").asText()).contains("수락");
    // A refund waits for the returned goods and is due 3 business days after they arrived.
    assertThat(entries.get(11).path("summary").asText()).startsWith("환불 기한: ");
    assertThat(entries.get(11).path("details").asText()).contains("반품 도착일 " + returnedOn);
    assertThat(entries.get(12).path("summary").asText()).isEqualTo("반품 회수 확인 완료");
    assertThat(entries.get(12).path("details").asText()).contains("\"returnReceivedOn\":\"" + returnedOn + "\"");
    assertThat(entries.get(13).path("summary").asText()).contains("환불").contains("50,000원").contains("환불 기한");
    assertThat(entries.get(14).path("summary").asText()).isEqualTo("만족도 확인 전화 완료");
    assertThat(entries.get(14).path("details").asText()).contains("\"satisfactionScore\":5");
    assertThat(entries.get(15).path("summary").asText()).contains("RESOLVED");

    // The API's order is the order of recording (by id) and time never runs backwards.
    List<Long> ids = jdbc.queryForList("SELECT id FROM timeline_entry WHERE case_number = ? ORDER BY occurred_at, id",
        Long.class, caseNumber);
    assertThat(ids).isSorted().hasSize(entries.size());
    assertThat(jdbc.queryForList("SELECT kind FROM timeline_entry WHERE case_number = ? ORDER BY id", String.class, caseNumber))
        .isEqualTo(kinds(entries));
    for (int i = 1; i < entries.size(); i++) {
      assertThat(java.time.OffsetDateTime.parse(entries.get(i).path("at").asText()))
          .isAfterOrEqualTo(java.time.OffsetDateTime.parse(entries.get(i - 1).path("at").asText()));
    }
  }

  // ---------------------------------------------------------------- access

  @Test
  void withoutCredentialsOrWithAWrongPasswordTheApiAnswers401AndWritesNothing() {
    Counts before = counts();
    String body = json(validIntake("SERVICE"));

    Reply anonymous = api.send("POST", "/api/complaints", null, null, body);
    // A wrong password locks the account for a few seconds (Camunda's login delay): use an account no other test needs.
    Reply wrongPassword;
    try {
      wrongPassword = api.send("POST", "/api/complaints", "region-daegu1", "wrong", body);
    } finally {
      engine.getIdentityService().unlockUser("region-daegu1");
    }
    Reply unknownUser = api.send("GET", "/api/complaints/C-2026-000001", "nobody", "demo", null);
    Reply garbage = api.raw("GET", "/api/complaints/C-2026-000001", "Basic %%%not-base64", null);

    for (Reply reply : List.of(anonymous, wrongPassword, unknownUser, garbage)) {
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }
    // A browser is not asked for Basic credentials: it would keep them and send them to forged requests too.
    Reply browser = api.raw("GET", "/cases/C-2026-000001/timeline", null, null, "Accept", "text/html", "Sec-Fetch-Mode", "navigate");
    assertProblem(browser, 401);
    assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theChannelIntegrationMaySubmitReportContactsAndRelayItsOwnCasesAnswersButReadsNothing() {
    Reply created = api.post("/api/complaints", INTEGRATION, json(validIntake("SERVICE")));
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.json().path("caseNumber").asText();
    String customerId = created.json().path("customerId").asText();
    assertThat(api.post("/api/complaints/" + caseNumber + "/contacts", INTEGRATION, "{\"channel\":\"WEB\"}").status())
        .isEqualTo(202);
    int entries = timelineSize(caseNumber);

    for (Reply reply : List.of(
        api.get("/api/complaints/" + caseNumber, INTEGRATION),
        api.get("/api/complaints/" + caseNumber + "/timeline", INTEGRATION),
        api.get("/api/customers/" + customerId, INTEGRATION),
        api.get("/api/customers/" + customerId + "/complaints", INTEGRATION),
        api.post("/api/customers/" + customerId + "/merge", INTEGRATION, "{\"mergedCustomerId\":\"" + customerId + "\"}"),
        api.post("/api/complaints/" + caseNumber + "/abuse-reports", INTEGRATION, "{\"note\":\"욕설\"}"))) {
      assertProblem(reply, 403);
    }
    // Not even whether another case exists.
    assertProblem(api.get("/api/complaints/C-1999-999999", INTEGRATION), 403);
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(api.get("/api/complaints/" + caseNumber, AGENT).json().path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void theChannelACaseCameInThroughRelaysTheCustomersAnswerAndWithdrawalOtherCallersMayNot() {
    String ownCase = submit("SERVICE");
    ProcessInstance own = instance(ownCase);
    driver.executeJobs(own);
    driver.complete(own, "UserTask_FirstContact", AGENT, "contactNotes", "사과", "remedySought", "REFUND");
    driver.complete(own, "UserTask_PrepareOffer", AGENT, "companyFault", "NO", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer("REFUND", 30000L), "offerText", "3만원 환불", "remedyDeviationReason", "고객 요청");
    Reply staffCase = api.post("/api/complaints", AGENT, json(validIntake("SERVICE")));
    String phoneCase = staffCase.json().path("caseNumber").asText();
    int phoneEntries = timelineSize(phoneCase);

    // A case the integration did not submit (recorded by staff, or unknown): refused alike, nothing recorded.
    for (Reply reply : List.of(
        api.post("/api/complaints/" + phoneCase + "/responses", INTEGRATION, "{\"accepted\":true}"),
        api.post("/api/complaints/" + phoneCase + "/withdrawal", INTEGRATION, "{\"reason\":\"x\"}"),
        api.post("/api/complaints/C-1999-999999/withdrawal", INTEGRATION, "{\"reason\":\"x\"}"),
        api.post("/api/complaints/C-1999-999999/contacts", INTEGRATION, "{\"channel\":\"WEB\"}"),
        api.post("/api/complaints/" + phoneCase + "/contacts", INTEGRATION, "{\"channel\":\"WEB\"}"),
        api.post("/api/complaints/" + phoneCase + "/threats", INTEGRATION, "{\"kind\":\"MEDIA\",\"note\":\"제보\"}"),
        api.post("/api/complaints/" + ownCase + "/withdrawal", "process-owner1", "{\"reason\":\"x\"}"))) {
      assertProblem(reply, 403);
      assertThat(reply.json().path("detail").asText()).contains("채널");
    }
    assertThat(timelineSize(phoneCase)).isEqualTo(phoneEntries);
    assertThat(isRunning(phoneCase)).isTrue();

    // Its own case: the customer's answer on the web, recorded as relayed by the integration.
    Reply answer = api.post("/api/complaints/" + ownCase + "/responses", INTEGRATION, "{\"accepted\":false,\"note\":\"부족함\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("accepted").asBoolean()).isFalse();
    assertThat(lastTimelineEntry(ownCase).path("kind").asText()).isEqualTo("CUSTOMER_RESPONSE");
    assertThat(lastTimelineEntry(ownCase).path("actor").asText()).isEqualTo(INTEGRATION);
    // Bad input from the channel is refused with the field named, as for staff.
    Reply tooLong = api.post("/api/complaints/" + ownCase + "/withdrawal", INTEGRATION,
        "{\"reason\":\"" + "r".repeat(2001) + "\"}");
    assertProblem(tooLong, 400);
    assertThat(fieldErrors(tooLong).keySet()).containsExactly("reason");

    Reply withdrawn = api.post("/api/complaints/" + ownCase + "/withdrawal", INTEGRATION, "{\"reason\":\"앱에서 철회\"}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(isRunning(ownCase)).isFalse();
    // Reading the case stays closed to the integration; its own closed case is closed to changes (409, not 403).
    assertProblem(api.get("/api/complaints/" + ownCase, INTEGRATION), 403);
    assertProblem(api.post("/api/complaints/" + ownCase + "/contacts", INTEGRATION, "{\"channel\":\"WEB\"}"), 409);
  }

  @Test
  void processOwnersNeitherReadNorChangeCustomersCases() {
    Map<String, Object> intake = validIntake("HEALTH_HARM");
    @SuppressWarnings("unchecked")
    String phone = (String) ((Map<String, Object>) intake.get("customer")).get("phone");
    Reply created = api.post("/api/complaints", INTEGRATION, json(intake));
    String caseNumber = created.json().path("caseNumber").asText();
    String customerId = created.json().path("customerId").asText();
    String owner = "process-owner1";
    int entries = timelineSize(caseNumber);

    for (Reply reply : List.of(
        api.get("/api/complaints/" + caseNumber, owner),
        api.get("/api/complaints/" + caseNumber + "/timeline", owner),
        api.get("/cases/" + caseNumber + "/timeline", owner),
        api.get("/api/customers/" + customerId, owner),
        api.get("/api/customers/" + customerId + "/complaints", owner),
        api.post("/api/complaints", owner, json(validIntake("SERVICE"))),
        api.post("/api/complaints/" + caseNumber + "/contacts", owner, "{\"channel\":\"PHONE\"}"),
        api.post("/api/complaints/" + caseNumber + "/abuse-reports", owner, "{\"note\":\"욕설\"}"),
        api.post("/api/complaints/" + caseNumber + "/withdrawal", owner, "{\"reason\":\"x\"}"))) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      assertThat(reply.json().path("detail").asText()).containsPattern("[가-힣]");
      // The customer's phone number and name, not just any "010-": a customer id (a UUID) may contain that.
      assertThat(reply.body()).doesNotContain(phone).doesNotContain(phone.replace("-", "")).doesNotContain("김민수");
    }
    assertThat(timelineSize(caseNumber)).isEqualTo(entries);
    assertThat(api.get("/api/complaints/" + caseNumber, AGENT).json().path("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void staffOfEveryGroupReadCasesWithTheirTasklistAccount() {
    String caseNumber = submit("SERVICE");
    for (String user : List.of(AGENT, LEAD, "quality1", "safety-lab1", "region-busan1", "admin")) {
      assertThat(api.get("/api/complaints/" + caseNumber, user).status()).as(user).isEqualTo(200);
    }
  }

  @Test
  void theOpenApiDescriptionListsTheSixComplaintOperations() {
    Reply reply = api.send("GET", "/v3/api-docs", null, null, null);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode paths = reply.json().path("paths");
    assertThat(paths.path("/api/complaints").has("post")).isTrue();
    assertThat(paths.path("/api/complaints/{caseNumber}").has("get")).isTrue();
    assertThat(paths.path("/api/complaints/{caseNumber}/timeline").has("get")).isTrue();
    assertThat(paths.path("/api/complaints/{caseNumber}/responses").has("post")).isTrue();
    assertThat(paths.path("/api/complaints/{caseNumber}/contacts").has("post")).isTrue();
    assertThat(paths.path("/api/complaints/{caseNumber}/withdrawal").has("post")).isTrue();
    assertThat(paths.path("/api/customers/{customerId}/complaints").has("get")).isTrue();
    JsonNode intake = reply.json().path("components").path("schemas").path("Intake").path("properties");
    assertThat(intake.has("externalRef")).isTrue();
    assertThat(intake.has("agencyReplyDue")).isTrue();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance bringToCustomerResponse(String caseNumber, String remedy, long amount) {
    ProcessInstance pi = instance(caseNumber);
    driver.executeJobs(pi);
    driver.complete(pi, "UserTask_FirstContact", AGENT, "contactNotes", "사과", "remedySought", remedy);
    driver.complete(pi, "UserTask_PrepareOffer", AGENT, "companyFault", "NO", "rootCause", "SERVICE_FAILURE",
        "offerLines", TestData.offer(remedy, amount), "offerText", "해결안");
    assertThat(driver.openTasks(pi, "UserTask_RecordCustomerResponse")).hasSize(1);
    return pi;
  }

  @Test
  void theStaffTimelinePageShowsTheCaseInKoreanAndEscapesWhatPeopleWrote() {
    String caseNumber = submit("SERVICE");
    String note = "<script>alert('타임라인')</script> & \"따옴표\"";
    assertThat(api.post("/api/complaints/" + caseNumber + "/contacts", AGENT, json(Map.of("channel", "PHONE", "note", note)))
        .status()).isEqualTo(202);
    assertThat(api.get("/cases/" + caseNumber + "/timeline", AGENT).body()).as("an open case has no outcome yet")
        .contains("<p>상태: 진행 중, 우선순위: P3</p>");
    assertThat(api.post("/api/complaints/" + caseNumber + "/withdrawal", AGENT, json(Map.of("reason", "<b>철회</b>")))
        .status()).isEqualTo(200);
    JsonNode details = api.get("/api/complaints/" + caseNumber, AGENT).json();
    // The API answers with codes; the page shows staff their Korean names.
    assertThat(details.path("status").asText()).isEqualTo("CLOSED");
    assertThat(details.path("outcome").asText()).isEqualTo("WITHDRAWN");

    Reply page = api.get("/cases/" + caseNumber + "/timeline", AGENT);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
    // Line breaks between tags show nothing in a browser.
    String html = page.body().strip().replaceAll(">\\s+<", "><");
    assertThat(html).startsWith("<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>")
        .contains("<title>" + caseNumber + " 사건 타임라인</title>")
        .contains("<h1>" + caseNumber + " 사건 타임라인</h1>")
        .contains("<p>상태: 종결 (고객 철회), 우선순위: P3</p>")
        .contains("<th>언제</th><th>누가</th><th>무엇을</th><th>내용</th>")
        .contains("</td><td>" + AGENT + "</td><td>고객 재연락 (전화)</td><td class=\"details\">"
            + "&lt;script&gt;alert(&#39;타임라인&#39;)&lt;/script&gt; &amp; &quot;따옴표&quot;</td></tr>")
        .contains("&lt;b&gt;철회&lt;/b&gt;")
        .doesNotContain("<script>").doesNotContain("<b>")
        .endsWith("</table></body></html>");
    assertThat(html.split("<tr><td>", -1)).as("a row per timeline entry").hasSize(timelineSize(caseNumber) + 1);
    assertProblem(api.get("/cases/C-1999-999999/timeline", AGENT), 404);
  }

  private String submit(String category) {
    Reply reply = api.post("/api/complaints", INTEGRATION, json(validIntake(category)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().path("caseNumber").asText();
  }

  private boolean isRunning(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case")
        .processInstanceBusinessKey(caseNumber).count() == 1;
  }

  private JsonNode lastTimelineEntry(String caseNumber) {
    JsonNode entries = api.get("/api/complaints/" + caseNumber + "/timeline", AGENT).json();
    return entries.get(entries.size() - 1);
  }

  private ProcessInstance instance(String caseNumber) {
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(pi).as("running case %s", caseNumber).isNotNull();
    return pi;
  }

  private List<JsonNode> timeline(String caseNumber) {
    Reply reply = api.get("/api/complaints/" + caseNumber + "/timeline", AGENT);
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    reply.json().forEach(entries::add);
    return entries;
  }

  private int timelineSize(String caseNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE case_number = ?", Integer.class, caseNumber);
  }

  private int casesWithExternalRef(String externalRef) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case WHERE external_ref = ?", Integer.class, externalRef);
  }

  private static List<String> kinds(List<JsonNode> entries) {
    return entries.stream().map(e -> e.path("kind").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** What a refused request must not change. */
  record Counts(int cases, int customers, int identities, int timelineEntries, long instances, long historicInstances) {}

  Counts counts() {
    return counts(jdbc, runtimeService, historyService);
  }

  static Counts counts(JdbcTemplate jdbc, RuntimeService runtimeService, HistoryService historyService) {
    return new Counts(count(jdbc, "complaint_case"), count(jdbc, "customer"), count(jdbc, "customer_identity"),
        count(jdbc, "timeline_entry"), runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count());
  }

  private static int count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/problem+json");
    assertThat(reply.json().path("status").asInt()).isEqualTo(status);
    assertThat(reply.json().path("title").asText()).isNotBlank();
  }

  /** The field → reason pairs of a 400 answer. */
  static Map<String, String> fieldErrors(Reply reply) {
    Map<String, String> errors = new LinkedHashMap<>();
    reply.json().path("errors").forEach(e -> errors.merge(e.path("field").asText(), e.path("reason").asText(),
        (a, b) -> a + " | " + b));
    assertThat(errors).as("errors of %s", reply.body()).isNotEmpty();
    return errors;
  }

  static LocalDate engineToday() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Asia/Seoul")).toLocalDate();
  }

  /** A valid web intake with a unique channel reference and customer. */
  static Map<String, Object> validIntake(String category) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "김민수");
    customer.put("phone", TestData.phone());
    customer.put("email", TestData.email("minsu"));
    customer.put("region", "seoul");
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("code", "P-100");
    product.put("name", "수분 크림");
    product.put("lot", "L2026-01");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "WEB");
    body.put("externalRef", TestData.unique("WEB"));
    body.put("category", category);
    body.put("customer", customer);
    body.put("product", product);
    body.put("orderNo", "ORD-1");
    body.put("occurredOn", engineToday().minusDays(3).toString());
    body.put("description", "상담원이 불친절했습니다");
    body.put("remedySought", "APOLOGY");
    body.put("externalThreat", false);
    return body;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> customer(Map<String, Object> body) {
    return (Map<String, Object>) body.get("customer");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> product(Map<String, Object> body) {
    return (Map<String, Object>) body.get("product");
  }

  static final ObjectMapper JSON = new ObjectMapper();

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An answer of the API: status, headers and body (parsed when it is JSON). */
  record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    String location() {
      return header("Location");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** Real HTTP to the running application, HTTP Basic with the demo users (password demo), keep-alive. */
  static final class ApiClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    ApiClient(int port) {
      this.base = "http://localhost:" + port;
    }

    Reply get(String path, String user) {
      return send("GET", path, user, "demo", null);
    }

    Reply post(String path, String user, String body, String... headers) {
      return send("POST", path, user, "demo", body, headers);
    }

    Reply send(String method, String path, String user, String password, String body, String... headers) {
      String authorization = user == null ? null
          : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return raw(method, path, authorization, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply raw(String method, String path, String authorization, byte[] body, String... headers) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      boolean contentType = false;
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
        contentType |= headers[i].equalsIgnoreCase("Content-Type");
      }
      if (body != null && !contentType) {
        request.header("Content-Type", "application/json");
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new IllegalStateException(method + " " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
