package kr.complaintdesk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import kr.complaintdesk.casefile.ThreatKind;
import kr.complaintdesk.intake.Channel;
import kr.complaintdesk.intake.rules.Code;
import kr.complaintdesk.intake.rules.Required;
import kr.complaintdesk.intake.rules.Text;
import kr.complaintdesk.intake.rules.WebAddress;

/**
 * Request bodies of the case API (JSON). Enumerations and dates are strings so that each bad value gets its own
 * message. The intake is checked where every intake is, when its case starts, against the constraints of
 * {@code intake.IntakeInput}; the other bodies carry constraints of {@code intake.rules} too, in the same terms.
 */
public final class ComplaintRequests {

  /** The longest note or reason sent with a change of a case. */
  static final int NOTE = 2000;

  private ComplaintRequests() {}

  @Schema(description = "불만 접수. channel + externalRef (또는 Idempotency-Key 헤더)가 같으면 같은 사건을 돌려줍니다.")
  public record Intake(
      @Schema(example = "WEB", allowableValues = {"PHONE", "WEB", "EMAIL", "SNS", "COMMUNITY", "CONSUMER_AGENCY", "STORE"}) String channel,
      @Schema(description = "채널 쪽 게시글·티켓·기관 사건 번호") String externalRef,
      @Schema(example = "HEALTH_HARM") String category,
      Customer customer,
      Product product,
      String orderNo,
      @Schema(description = "주문 금액(원)", example = "39000") Long orderValue,
      @Schema(example = "2026-11-20") String occurredOn,
      String description,
      @Schema(example = "REFUND") String remedySought,
      Boolean externalThreat,
      String publicPostUrl,
      @Schema(description = "소비자기관(한국소비자원·1372)이 정한 회신 기한: CONSUMER_AGENCY 사건에는 필수, 다른 채널에는 입력 불가. "
          + "오늘부터 90일 안", example = "2026-12-10") String agencyReplyDue) {}

  public record Customer(String name, String phone, String email, String snsHandle,
      @Schema(example = "busan") String region) {}

  public record Product(String code, String name, String lot) {}

  @Schema(description = "해결안에 대한 고객의 답")
  public record Response(@NotNull(message = "{complaintdesk.required.trueOrFalse}") Boolean accepted,
      @Text(max = NOTE) String note) {}

  @Schema(description = "사건이 열려 있는 동안 고객이 다시 연락함")
  public record Contact(@Schema(example = "PHONE") @Required @Code(Channel.class) String channel,
      @Text(max = NOTE) String note) {}

  @Schema(description = "고객이 언론 제보, 소비자기관 신고, 확산 게시를 언급함 (메시지 ExternalThreatRaised)")
  public record Threat(
      @Schema(example = "MEDIA", allowableValues = {"MEDIA", "CONSUMER_AGENCY", "VIRAL_POST", "LAWSUIT"})
      @Required @Code(ThreatKind.class) String kind,
      @Schema(description = "고객이 한 말, 게시 위치")
      @Required(message = "{complaintdesk.required.threatNote}") @Text(max = NOTE) String note,
      @WebAddress String publicPostUrl) {}

  @Schema(description = "상담원에 대한 폭언·폭행 등 신고 (산업안전보건법 제41조, 메시지 AbuseReported)")
  public record AbuseReport(
      @Schema(description = "경위") @Required(message = "{complaintdesk.required.abuseNote}") @Text(max = NOTE) String note) {}

  @Schema(description = "고객의 불만 철회")
  public record Withdrawal(@Text(max = NOTE) String reason) {}

  @Schema(description = "같은 사람으로 확인된 고객 합치기: mergedCustomerId의 이력과 연락처가 이 고객으로 옮겨집니다")
  public record Merge(@Required String mergedCustomerId) {}
}
