package kr.complaintdesk.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The complaints the benchmark submits: a fixed mix by sequence number, so that every run sends the
 * same cases in the same proportions. About one case in six is P1 (bodily harm, a media threat), one in
 * ten comes from a customer who complained before, and some are public (SNS) and go to PR risk as well;
 * harm and product cases need analyses once first contact is done. Every submission has a channel
 * reference of its own, so each creates a case.
 */
final class IntakeMix {

  static final String CHANNEL_USER = "channel-integration1";
  private static final String[] REGIONS = {"seoul", "busan", "daegu", "gwangju", "daejeon"};
  private static final String[] NAMES = {"김민지", "이서준", "박지우", "최하은", "정도윤", "강서연", "조민재"};

  private IntakeMix() {}

  static Map<String, Object> body(String runTag, long sequence) {
    int slot = (int) (sequence % 20);
    String category = switch (slot) {
      case 0, 1 -> "HEALTH_HARM";
      case 2 -> "INJURY";
      case 3, 4 -> "PRODUCT_DEFECT";
      case 5, 6, 7 -> "DELIVERY_DELAY";
      case 8, 9 -> "TRANSIT_DAMAGE";
      case 10 -> "WRONG_ITEM";
      default -> "SERVICE";
    };
    boolean threat = slot == 11;
    boolean sns = sequence % 13 == 0;
    // A returning customer: the same e-mail address and phone as a submission 50 places earlier, long
    // done with as few clients as the benchmark runs (two submissions of one new customer at the same
    // moment collide on the customer's identity and wait for each other; that is not what is measured).
    long customer = sequence % 10 == 9 && sequence > 50 ? sequence - 50 : sequence;
    String externalRef = runTag + "-" + sequence;

    Map<String, Object> person = new LinkedHashMap<>();
    person.put("name", NAMES[(int) (customer % NAMES.length)]);
    person.put("email", "bench-" + runTag + "-" + customer + "@example.kr");
    person.put("phone", String.format("010-%04d-%04d", (customer / 10_000) % 10_000, customer % 10_000));
    if (sns) {
      person.put("snsHandle", "@bench_" + runTag + "_" + customer);
    }
    person.put("region", REGIONS[(int) (customer % REGIONS.length)]);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", sns ? "SNS" : sequence % 7 == 0 ? "EMAIL" : "WEB");
    body.put("externalRef", externalRef);
    body.put("category", category);
    body.put("customer", person);
    if (!category.equals("SERVICE")) {
      body.put("product", Map.of("code", "P-" + (1000 + slot), "name", "수분 크림 " + slot, "lot", "L2611" + slot));
      body.put("orderNo", "O-" + externalRef);
    }
    body.put("description", "벤치마크 불만 " + externalRef + ": 제품 사용 후 문제가 생겼습니다.");
    body.put("remedySought", slot < 3 ? "REFUND" : "EXCHANGE");
    body.put("externalThreat", threat);
    if (sns) {
      body.put("publicPostUrl", "https://sns.example.kr/p/" + externalRef);
    }
    return body;
  }
}
