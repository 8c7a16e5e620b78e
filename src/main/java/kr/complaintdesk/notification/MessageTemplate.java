package kr.complaintdesk.notification;

/** The messages we send customers, in Korean. */
public enum MessageTemplate {

  ACKNOWLEDGEMENT(true,
      "[고객센터] 불만이 접수되었습니다 (사건 번호 %s)",
      "고객님, 불편을 드려 진심으로 죄송합니다.\n말씀해 주신 내용이 사건 번호 %s(으)로 접수되었습니다.\n"
          + "담당자가 확인 후 곧 연락드리겠습니다."),
  IMPROVEMENT_NOTICE(false,
      "[고객센터] 말씀해 주신 불편을 개선했습니다",
      "고객님께서 알려 주신 문제(사건 번호 %s)를 계기로 제품과 서비스를 개선했습니다.\n"
          + "소중한 의견을 주셔서 감사합니다."),
  /** A notice to a member of staff: {@link StaffNotifications} writes its subject and body, so it has no text here. */
  STAFF_NOTICE(true, null, null);

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

  public String subject(String caseNumber) {
    return text(subject).contains("%s") ? String.format(subject, caseNumber) : subject;
  }

  public String body(String caseNumber) {
    return String.format(text(body), caseNumber);
  }

  /** A model that names a staff notice as a customer message fails here, in words, instead of sending nothing useful. */
  private String text(String text) {
    if (text == null) {
      throw new IllegalStateException(name() + " is not a message to customers and has no text of its own");
    }
    return text;
  }
}
