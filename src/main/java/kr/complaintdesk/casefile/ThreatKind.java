package kr.complaintdesk.casefile;

/** What the customer threatened to do, with the words staff read on the timeline and the form. */
public enum ThreatKind {
  MEDIA("언론 제보"), CONSUMER_AGENCY("소비자기관 신고"), VIRAL_POST("온라인 확산 게시"), LAWSUIT("소송");

  private final String label;

  ThreatKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
