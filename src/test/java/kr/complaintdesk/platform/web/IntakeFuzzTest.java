package kr.complaintdesk.platform.web;

import static kr.complaintdesk.platform.web.ComplaintApiTest.INTEGRATION;
import static kr.complaintdesk.platform.web.ComplaintApiTest.JSON;
import static kr.complaintdesk.platform.web.ComplaintApiTest.engineToday;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static kr.complaintdesk.support.KoreanTime.kst;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kr.complaintdesk.platform.web.ComplaintApiTest.ApiClient;
import kr.complaintdesk.platform.web.ComplaintApiTest.Reply;
import kr.complaintdesk.support.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Generated input for intake: thousands of malformed or random payloads (seeded, so a failure can be
 * replayed) over real HTTP through the API's authentication filter. Never a 5xx, every refusal is
 * problem+json naming what is wrong, and only the valid submissions leave anything behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeFuzzTest {

  static final long SEED = 20261123L;
  static final int PAYLOADS = 5_000;

  static final String[] FIELDS = {"channel", "externalRef", "category", "customer", "product", "orderNo", "occurredOn",
      "description", "remedySought", "externalThreat", "publicPostUrl", "agencyReplyDue"};
  static final String[] CUSTOMER_FIELDS = {"name", "phone", "email", "snsHandle", "region"};
  static final String[] CHANNELS = {"PHONE", "WEB", "EMAIL", "SNS", "COMMUNITY", "CONSUMER_AGENCY", "STORE"};
  static final String[] CATEGORIES = {"HEALTH_HARM", "INJURY", "PRODUCT_DEFECT", "DELIVERY_DELAY", "TRANSIT_DAMAGE",
      "WRONG_ITEM", "LOST_PARCEL", "CUSTOMS_DELAY", "SERVICE", "UNWANTED_CONTACT", "OTHER"};
  static final String[] REGIONS = {"seoul", "busan", "daegu", "gwangju", "daejeon"};
  static final String[] REMEDIES = {"REFUND", "EXCHANGE", "COUPON", "STORE_CREDIT", "APOLOGY", "TREATMENT_COSTS"};
  static final String[] ENUMISH = {"web", "Web", "WEB ", " PHONE", "PHONE\n", "FAX", "HEALTH-HARM", "health_harm",
      "SERVICE,WEB", "NULL", "null", "undefined", "0", "-1", "true", "P1", "ＷＥＢ", "WEB\u0000", "CONSUMER AGENCY",
      "UNWANTED_CONTACTS", "OTHER?", "", " ", "😀", "ЖЖЖ", "'; DROP TABLE complaint_case; --", "${7*7}", "#{1+1}",
      "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\u0000"};
  static final String[] BAD_DATES = {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-32", "26-01-01",
      "2026/01/05", "2026-1-5", "20260105", "2026-01-05T10:00", "yesterday", "오늘", "9999-99-99", "+2026-01-05",
      "0000-00-00", "1e10"};
  static final String[] BAD_PHONES = {"12-34", "010", "010-123-456", "+1 415 555 0100", "010-abcd-5678", "010_1234_5678",
      "+82 10 1234 5678 9", "☎ 010-1234-5678", "0101234567890123", "0"};

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired LoggingSystem loggingSystem;

  final Random random = new Random(SEED);

  /** What a payload is expected to do. */
  enum Expect { VALID, INVALID, ANY }

  record Payload(String description, byte[] body, String contentType, String idempotencyKey, Expect expect) {}

  @Test
  void thousandsOfMalformedOrRandomIntakesNeverCauseA5xxAndOnlyValidOnesAreStored() {
    ApiClient api = new ApiClient(port);
    Counts before = counts();
    Map<Integer, Integer> outcomes = new TreeMap<>();
    int created = 0;
    int randomCreated = 0;
    Map<Integer, Long> nanosByStatus = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    String context = "org.camunda.bpm.engine.context";
    LogLevel previous = loggingSystem.getLoggerConfiguration(context).getConfiguredLevel();
    // Every refused start is logged by the engine with a stack trace; thousands of them would only slow the run.
    loggingSystem.setLogLevel(context, LogLevel.OFF);
    // The application's "today" is pinned, so that a seed makes the same payloads on any day.
    ClockUtil.setCurrentTime(kst("2026-11-23T10:00"));
    long started = System.nanoTime();
    try {
      for (int i = 0; i < PAYLOADS; i++) {
        Payload payload = next();
        int casesBefore = cases();
        String[] headers = payload.idempotencyKey() == null
            ? new String[] {"Content-Type", payload.contentType()}
            : new String[] {"Content-Type", payload.contentType(), "Idempotency-Key", payload.idempotencyKey()};
        long sent = System.nanoTime();
        Reply reply = api.raw("POST", "/api/complaints", basic(), payload.body(), headers);
        nanosByStatus.merge(reply.status(), System.nanoTime() - sent, Long::sum);
        outcomes.merge(reply.status(), 1, Integer::sum);
        String what = "#" + i + " (" + payload.description() + ") " + show(payload.body()) + " -> " + reply.status() + " "
            + reply.body();

        if (reply.status() >= 500) {
          fail("5xx for payload " + what);
        }
        if (reply.status() == 201) {
          created++;
          if (payload.expect() == Expect.ANY && payload.description().equals("random object")) {
            randomCreated++;
          }
          assertThat(cases()).as(what).isEqualTo(casesBefore + 1);
          assertThat(reply.json().path("caseNumber").asText()).as(what).matches("C-\\d{4}-\\d{6}");
        } else {
          assertThat(cases()).as("nothing written for " + what).isEqualTo(casesBefore);
        }
        if (reply.status() >= 400) {
          assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
          JsonNode problem = reply.json();
          assertThat(problem.path("status").asInt()).as(what).isEqualTo(reply.status());
          assertThat(problem.path("title").asText()).as(what).isNotBlank();
          if (reply.status() == 400) {
            assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty()).as(what).isTrue();
            problem.path("errors").forEach(e -> {
              assertThat(e.path("field").asText()).as(what).isNotBlank();
              assertThat(e.path("reason").asText()).as(what).isNotBlank();
            });
          }
        }
        switch (payload.expect()) {
          case VALID -> {
            if (reply.status() != 201) {
              problems.add("valid payload refused: " + what);
            }
          }
          case INVALID -> {
            if (reply.status() < 400) {
              problems.add("invalid payload accepted: " + what);
            }
          }
          case ANY -> { }
        }
      }
    } finally {
      ClockUtil.reset();
      loggingSystem.setLogLevel(context, previous);
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    StringBuilder summary = new StringBuilder("Fuzzed " + PAYLOADS + " intake payloads (seed " + SEED + ", " + seconds + " s): ");
    outcomes.forEach((status, n) -> summary.append(n).append('×').append(status).append(", "));
    summary.append(outcomes.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum())
        .append("×5xx");
    System.out.println(summary);
    nanosByStatus.forEach((status, nanos) -> System.out.println("  " + status + ": " + nanos / 1_000_000 / outcomes.get(status) + " ms on average"));

    assertThat(problems).isEmpty();
    assertThat(outcomes.keySet()).allMatch(status -> status < 500);
    assertThat(outcomes.getOrDefault(400, 0)).isGreaterThan(PAYLOADS / 2);
    Counts after = counts();
    assertThat(after.cases() - before.cases()).isEqualTo(created);
    assertThat(after.intakeEntries() - before.intakeEntries()).isEqualTo(created);
    assertThat(after.timelineEntries() - before.timelineEntries()).isEqualTo(2L * created);
    assertThat(after.caseInstances() - before.caseInstances()).isEqualTo(created);
    assertThat(after.historicCaseInstances() - before.historicCaseInstances()).isEqualTo(created);
    if (randomCreated == 0) {
      // Every generated valid intake has one new e-mail address and no other identity.
      assertThat(after.customers() - before.customers()).isEqualTo(created);
      assertThat(after.identities() - before.identities()).isEqualTo(created);
    } else {
      assertThat(after.customers() - before.customers()).isBetween(created - randomCreated, created);
    }
  }

  // ---------------------------------------------------------------- generators

  private Payload next() {
    int dice = random.nextInt(100);
    if (dice < 5) {
      return valid();
    }
    if (dice < 45) {
      return mutatedField();
    }
    if (dice < 60) {
      return randomObject();
    }
    if (dice < 70) {
      return wrongJsonShape();
    }
    if (dice < 78) {
      return truncated();
    }
    if (dice < 85) {
      return nonJsonBytes();
    }
    if (dice < 92) {
      return missingOrExtraFields();
    }
    if (dice < 97) {
      return badHeader();
    }
    return wrongContentType();
  }

  /** A valid intake with a unique channel reference and one unique e-mail identity, so its writes can be counted. */
  private Map<String, Object> validBody() {
    String tag = TestData.unique(Long.toString(SEED));
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", pick("김민수", "이영희", "Park Ji-sung", "최", "Ａ".repeat(50)));
    customer.put("email", "fuzz." + tag + "@example.kr");
    customer.put("region", pick(REGIONS));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", pick(CHANNELS));
    body.put("externalRef", "FUZZ-" + tag);
    body.put("category", pick(CATEGORIES));
    body.put("customer", customer);
    if (random.nextBoolean()) {
      body.put("product", new LinkedHashMap<>(Map.of("code", "P-" + random.nextInt(1000), "name", "제품", "lot", "L1")));
    }
    if (random.nextBoolean()) {
      body.put("occurredOn", engineToday().minusDays(random.nextInt(400)).toString());
    }
    body.put("description", "설명 " + printableText(random.nextInt(300)));
    if (random.nextBoolean()) {
      body.put("remedySought", pick(REMEDIES));
    }
    body.put("externalThreat", random.nextInt(5) == 0);
    if (random.nextInt(4) == 0) {
      body.put("publicPostUrl", "https://cafe.example.kr/post/" + random.nextInt(100000));
    }
    if ("CONSUMER_AGENCY".equals(body.get("channel"))) {
      // An agency transfer carries the agency's reply date; no other channel has one.
      body.put("agencyReplyDue", engineToday().plusDays(random.nextInt(30)).toString());
    }
    return body;
  }

  private Payload valid() {
    return json("valid", validBody(), Expect.VALID);
  }

  /** A valid intake with exactly one field made invalid. */
  @SuppressWarnings("unchecked")
  private Payload mutatedField() {
    Map<String, Object> body = validBody();
    Map<String, Object> customer = (Map<String, Object>) body.get("customer");
    int which = random.nextInt(22);
    String what;
    switch (which) {
      case 0 -> { body.remove("channel"); what = "no channel"; }
      case 1 -> { body.put("channel", pick(ENUMISH)); what = "enum-ish channel"; }
      case 2 -> { body.put("category", pick(ENUMISH)); what = "enum-ish category"; }
      case 3 -> { body.remove("category"); what = "no category"; }
      case 4 -> { customer.put("phone", pick(BAD_PHONES)); what = "bad phone"; }
      case 5 -> { customer.put("email", pick("a@", "@b.kr", "a b@c.kr", "x@y", "a@b@c.kr", "메일@", randomText(255) + "@x.kr")); what = "bad email"; }
      case 6 -> { customer.put("snsHandle", pick("@홍길동", "@", "a b", "@!!", "x".repeat(101))); what = "bad SNS handle"; }
      case 7 -> { customer.put("region", pick("jeju", "SEOUL", "Seoul", "region-seoul", "서울", randomText(31))); what = "bad region"; }
      case 8 -> { customer.remove("name"); what = "no name"; }
      case 9 -> { customer.put("name", randomText(51 + random.nextInt(5000))); what = "too long name"; }
      case 10 -> { body.put("description", randomText(4001 + random.nextInt(20000))); what = "too long description"; }
      case 11 -> { body.put("description", pick("", " ", "\t\n")); what = "blank description"; }
      case 12 -> { body.put("occurredOn", pick(BAD_DATES)); what = "bad date"; }
      case 13 -> { body.put("occurredOn", engineToday().plusDays(1 + random.nextInt(3000)).toString()); what = "future date"; }
      case 14 -> { body.put("agencyReplyDue", pick(BAD_DATES)); what = "bad agency date"; }
      case 15 -> { body.put("externalThreat", pick("yes", "no", "Y", "예", "maybe", List.of(true), Map.of("x", 1))); what = "wrong threat type"; }
      case 16 -> { body.put("remedySought", pick(ENUMISH)); what = "enum-ish remedy"; }
      case 17 -> { body.put("publicPostUrl", pick("ftp://x", "www.example.kr", "javascript:alert(1)", "https://", "http://a b")); what = "bad URL"; }
      case 18 -> { body.put("externalRef", "R".repeat(201 + random.nextInt(1000))); what = "too long externalRef"; }
      case 19 -> { body.put(pick("customer", "product"), randomScalarOrArray()); what = "object field of wrong type"; }
      case 20 -> { body.put(pick("description", "channel", "category", "occurredOn", "orderNo"), pick(Map.of("a", 1), List.of("x"), List.of())); what = "text field as object/array"; }
      default -> {
        customer.remove("email");
        what = "no contact at all";
      }
    }
    if (which == 1 || which == 2 || which == 16) {
      // A few enum-ish values trim to a valid one (" PHONE"): the outcome is the application's call.
      return json("mutated: " + what, body, Expect.ANY);
    }
    return json("mutated: " + what, body, Expect.INVALID);
  }

  /** Any JSON object with real and made-up keys and random values, possibly nested. */
  private Payload randomObject() {
    Map<String, Object> body = new LinkedHashMap<>();
    int fields = random.nextInt(12);
    for (int i = 0; i < fields; i++) {
      String key = random.nextInt(3) == 0 ? randomText(1 + random.nextInt(12)) : pick(FIELDS);
      body.put(key, randomValue(3));
    }
    if (random.nextBoolean()) {
      Map<String, Object> customer = new LinkedHashMap<>();
      for (int i = 0; i < random.nextInt(6); i++) {
        customer.put(pick(CUSTOMER_FIELDS), randomValue(1));
      }
      body.put("customer", customer);
    }
    return json("random object", body, Expect.ANY);
  }

  private Payload wrongJsonShape() {
    String text = switch (random.nextInt(8)) {
      case 0 -> ComplaintApiTest.json(List.of(validBody()));
      case 1 -> "[]";
      case 2 -> ComplaintApiTest.json(randomText(random.nextInt(40)));
      case 3 -> Long.toString(random.nextLong());
      case 4 -> Boolean.toString(random.nextBoolean());
      case 5 -> Double.toString(random.nextDouble());
      case 6 -> deepArray(1500 + random.nextInt(1000));
      default -> "null";
    };
    return new Payload("JSON that is not an object", text.getBytes(StandardCharsets.UTF_8), "application/json", null, Expect.INVALID);
  }

  private Payload truncated() {
    String full = ComplaintApiTest.json(validBody());
    String cut = full.substring(0, random.nextInt(full.length() - 1));
    return new Payload("truncated JSON", cut.getBytes(StandardCharsets.UTF_8), "application/json", null, Expect.INVALID);
  }

  private Payload nonJsonBytes() {
    byte[] bytes;
    String what;
    switch (random.nextInt(5)) {
      case 0 -> {
        bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        what = "random bytes";
      }
      case 1 -> {
        bytes = ("channel=WEB&category=SERVICE&description=" + randomText(20)).getBytes(StandardCharsets.UTF_8);
        what = "form encoding";
      }
      case 2 -> {
        bytes = "<complaint><channel>WEB</channel></complaint>".getBytes(StandardCharsets.UTF_8);
        what = "XML";
      }
      case 3 -> {
        String json = ComplaintApiTest.json(validBody());
        bytes = json.replace("\"channel\"", "channel").replace(":", random.nextBoolean() ? "=" : ":").getBytes(StandardCharsets.UTF_8);
        what = "JSON-like";
      }
      default -> {
        // Invalid UTF-8 inside an otherwise fine JSON string.
        byte[] prefix = "{\"channel\":\"WEB\",\"description\":\"".getBytes(StandardCharsets.UTF_8);
        bytes = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3;
        bytes[prefix.length + 1] = (byte) 0x28;
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';
        what = "invalid UTF-8";
      }
    }
    return new Payload("non-JSON: " + what, bytes, "application/json", null, Expect.INVALID);
  }

  @SuppressWarnings("unchecked")
  private Payload missingOrExtraFields() {
    Map<String, Object> body = validBody();
    if (random.nextBoolean()) {
      // Unknown extra fields are ignored: still a valid submission.
      for (int i = 0; i < 1 + random.nextInt(5); i++) {
        body.put("x-" + random.nextInt(1000), randomValue(2));
      }
      ((Map<String, Object>) body.get("customer")).put("nickname", randomValue(1));
      return json("extra fields", body, Expect.VALID);
    }
    List<String> required = List.of("channel", "category", "customer", "description");
    int drop = 1 + random.nextInt(required.size());
    List<String> shuffled = new ArrayList<>(required);
    java.util.Collections.shuffle(shuffled, random);
    shuffled.subList(0, drop).forEach(body::remove);
    if (random.nextBoolean()) {
      body.replaceAll((k, v) -> v == null ? null : (random.nextInt(4) == 0 ? null : v));
    }
    return json("missing " + shuffled.subList(0, drop), body, Expect.INVALID);
  }

  /** A valid body with an unusable Idempotency-Key. */
  private Payload badHeader() {
    String key = "K".repeat(201 + random.nextInt(300));
    return new Payload("too long Idempotency-Key", ComplaintApiTest.json(validBody()).getBytes(StandardCharsets.UTF_8),
        "application/json", key, Expect.INVALID);
  }

  private Payload wrongContentType() {
    return new Payload("wrong content type", ComplaintApiTest.json(validBody()).getBytes(StandardCharsets.UTF_8),
        pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"),
        null, Expect.INVALID);
  }

  // ---------------------------------------------------------------- random values

  private Object randomValue(int depth) {
    int dice = random.nextInt(depth > 0 ? 12 : 9);
    return switch (dice) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> random.nextDouble() * 1e12;
      case 4 -> randomText(random.nextInt(30));
      case 5 -> randomText(4000 + random.nextInt(6000));
      case 6 -> pick(ENUMISH);
      case 7 -> pick(BAD_DATES);
      case 8 -> String.valueOf(random.nextInt(100000));
      case 9 -> {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
          list.add(randomValue(depth - 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < random.nextInt(4); i++) {
          map.put(random.nextBoolean() ? pick(CUSTOMER_FIELDS) : randomText(5), randomValue(depth - 1));
        }
        yield map;
      }
    };
  }

  private Object randomScalarOrArray() {
    return pick("김민수", 42, true, List.of("a", "b"), 3.14, Map.of("code", List.of()));
  }

  /** Text a person could type (control characters are refused at intake): no C0 controls but tab and newline. */
  private String printableText(int length) {
    return randomText(length).replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
  }

  /** Letters, Hangul, punctuation, emoji (whole surrogate pairs) and control characters. */
  private String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        text.append((char) ('a' + random.nextInt(26)));
      } else if (kind < 7) {
        text.append((char) (0xAC00 + random.nextInt(11172)));
      } else if (kind == 7) {
        text.append(" \t\n\"\\/<>{}[]:,'%$#@!".charAt(random.nextInt(20)));
      } else if (kind == 8 && length - text.length() >= 2) {
        text.appendCodePoint(0x1F600 + random.nextInt(80));
      } else {
        text.append((char) random.nextInt(0x20));
      }
    }
    return text.toString();
  }

  private String deepArray(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private Payload json(String description, Object body, Expect expect) {
    return new Payload(description, ComplaintApiTest.json(body).getBytes(StandardCharsets.UTF_8), "application/json", null,
        expect);
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((INTEGRATION + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static String show(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " chars)";
  }

  // ---------------------------------------------------------------- counts

  record Counts(int cases, int customers, int identities, int timelineEntries, int intakeEntries, long caseInstances,
      long historicCaseInstances) {}

  private int cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM complaint_case", Integer.class);
  }

  private Counts counts() {
    return new Counts(cases(),
        jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM customer_identity", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE kind = 'INTAKE'", Integer.class),
        runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-case").count(),
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-case").count());
  }
}
