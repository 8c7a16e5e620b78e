package kr.complaintdesk.platform.sla;

import kr.complaintdesk.platform.sla.ServiceLevel.Unit;

/**
 * Deadlines a law sets. They are not in the {@code service-levels} table because a process owner must not be
 * able to change them from Modeler: a longer one breaks the law, and the law changes only with a release.
 * The refund deadline of 전자상거래법 제18조 counts from a recorded date rather than from now and lives with
 * the step that records it ({@code ReturnReceiptListener}).
 */
public enum LegalDeadline {

  /** 화장품 안전성 정보관리 규정 (식약처 고시): 중대한 유해사례는 알게 된 날부터 15일 이내 보고. */
  REGULATOR_REPORT(15, Unit.CALENDAR_DAYS, "화장품 안전성 정보관리 규정");

  private final int amount;
  private final Unit unit;
  private final String law;

  LegalDeadline(int amount, Unit unit, String law) {
    this.amount = amount;
    this.unit = unit;
    this.law = law;
  }

  public ServiceLevel level() {
    return new ServiceLevel(name(), amount, unit, law);
  }
}
