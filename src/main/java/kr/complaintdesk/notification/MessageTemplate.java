package kr.complaintdesk.notification;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages we send customers, in Korean. {@code %s} is the case number; {@code {name}} is a fact of the case the
 * step that sends the message supplies (where the parcel is, the expected date), so every message is this text.
 */
public enum MessageTemplate {

  ACKNOWLEDGEMENT(true,
      "[고객센터] 불만이 접수되었습니다 (사건 번호 %s)",
      "고객님, 불편을 드려 진심으로 죄송합니다.\n말씀해 주신 내용이 사건 번호 %s(으)로 접수되었습니다.\n"
          + "담당자가 확인 후 곧 연락드리겠습니다."),
  IMPROVEMENT_NOTICE(false,
      "[고객센터] 말씀해 주신 불편을 개선했습니다",
      "고객님께서 알려 주신 문제(사건 번호 %s)를 계기로 제품과 서비스를 개선했습니다.\n"
          + "소중한 의견을 주셔서 감사합니다."),
  // The three kinds of delivery delay (logistics investigation), each its own reply: an honest account of where the
  // parcel is, the new date, and when the customer hears from us next (whenever the date changes: DELIVERY_STATUS_UPDATE).
  DELAY_LATE(true,
      "[고객센터] 배송이 늦어지고 있어 안내드립니다 (사건 번호 %s)",
      "고객님, 주문하신 상품이 처음 안내드린 날짜보다 늦게 도착하게 되었습니다. 기다리시게 해 드려 죄송합니다.\n"
          + "물류팀이 확인한 현재 위치: {whereabouts}\n"
          + "새 도착 예정일: {eta}\n"
          + "도착 예정일이 다시 달라지면 그날 바로 알려 드리겠습니다. (사건 번호 %s)"),
  DELAY_NO_TRACKING_NEWS(true,
      "[고객센터] 배송 조회가 멈춰 있던 상품을 확인했습니다 (사건 번호 %s)",
      "고객님, 배송 조회에 한동안 새 소식이 없어 걱정이 크셨을 것 같습니다. 물류팀이 운송사에 직접 확인했습니다.\n"
          + "확인된 현재 위치: {whereabouts}\n"
          + "도착 예정일: {eta}\n"
          + "조회 화면이 늦게 바뀌더라도, 새로 확인되는 내용이나 예정일 변경은 저희가 먼저 바로 알려 드리겠습니다. (사건 번호 %s)"),
  DELAY_CUSTOMER_CHASING(true,
      "[고객센터] 문의하신 상품의 배송 상황입니다 (사건 번호 %s)",
      "고객님, 여러 번 문의하시게 해 드려 정말 죄송합니다. 기다리시는 마음을 먼저 헤아리지 못했습니다.\n"
          + "지금 상품이 있는 곳: {whereabouts}\n"
          + "도착 예정일: {eta}\n"
          + "다시 문의하지 않으셔도 되도록, 예정일이 바뀌거나 새 소식이 생기면 저희가 먼저 바로 알려 드리겠습니다. (사건 번호 %s)"),
  /** Sent whenever staff record a new expected delivery date on the case. */
  DELIVERY_STATUS_UPDATE(true,
      "[고객센터] 배송 예정일이 바뀌었습니다 (사건 번호 %s)",
      "고객님, 주문하신 상품의 배송 상황을 다시 알려 드립니다.\n"
          + "현재 위치: {whereabouts}\n"
          + "새 도착 예정일: {eta}\n"
          + "예정일이 또 달라지면 그때도 바로 알려 드리겠습니다. (사건 번호 %s)"),
  /** A notice to a member of staff: {@link StaffNotifications} writes its subject and body, so it has no text here. */
  STAFF_NOTICE(true, null, null);

  private static final Pattern FACT = Pattern.compile("\\{(\\w+)}");

  private final boolean neededForTheCase;
  private final String subject;
  private final String body;

  MessageTemplate(boolean neededForTheCase, String subject, String body) {
    this.neededForTheCase = neededForTheCase;
    this.subject = subject;
    this.body = body;
  }

  /**
   * A message the open complaint itself needs is sent even to a customer who opted out of contact;
   * anything else is not.
   */
  public boolean neededForTheCase() {
    return neededForTheCase;
  }

  /**
   * Whether the text names facts only the step that sends it knows (a delay notice's whereabouts and date): such a
   * message has its own step and is not one a process owner picks for the generic customer-message task.
   */
  public boolean needsFacts() {
    return body != null && FACT.matcher(body).find();
  }

  public String subject(String caseNumber) {
    return text(subject).contains("%s") ? String.format(subject, caseNumber) : subject;
  }

  public String body(String caseNumber) {
    return body(caseNumber, Map.of());
  }

  /**
   * The text with the case number and the facts filled in. A fact the text names and {@code facts} lacks fails in
   * words: the step would otherwise send a customer a message with a hole in it.
   */
  public String body(String caseNumber, Map<String, String> facts) {
    Matcher names = FACT.matcher(String.format(text(body), caseNumber));
    StringBuilder filled = new StringBuilder();
    while (names.find()) {
      String value = facts.get(names.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalStateException(name() + " needs the fact '" + names.group(1) + "' of case " + caseNumber);
      }
      names.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return names.appendTail(filled).toString();
  }

  /** A model that names a staff notice as a customer message fails here, in words, instead of sending nothing useful. */
  private String text(String text) {
    if (text == null) {
      throw new IllegalStateException(name() + " is not a message to customers and has no text of its own");
    }
    return text;
  }
}
