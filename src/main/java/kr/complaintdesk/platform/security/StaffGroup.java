package kr.complaintdesk.platform.security;

import java.util.ArrayList;
import java.util.List;

/** The Camunda groups of SOP.md, with the Korean names shown in Tasklist and Admin. */
public record StaffGroup(String id, String name) {

  public static final String CS_AGENT = "cs-agent";
  public static final String CS_LEAD = "cs-lead";
  public static final String CS_DIRECTOR = "cs-director";
  public static final String SAFETY_LAB = "safety-lab";
  public static final String QUALITY = "quality";
  public static final String LOGISTICS = "logistics";
  public static final String PR_RISK = "pr-risk";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String REGION_PREFIX = "region-";
  /** Service accounts of channel integrations (web form, e-mail gateway, SNS monitoring, agency transfer). */
  public static final String CHANNEL_INTEGRATION = "channel-integration";

  /** Every group: the fixed ones and one {@code region-<code>} per configured region. */
  public static List<StaffGroup> all(List<String> regionCodes) {
    List<StaffGroup> groups = new ArrayList<>(List.of(
        new StaffGroup(CS_AGENT, "고객상담팀 상담원"),
        new StaffGroup(CS_LEAD, "고객상담팀 팀장"),
        new StaffGroup(CS_DIRECTOR, "고객만족 책임자"),
        new StaffGroup(SAFETY_LAB, "안전성 Lab"),
        new StaffGroup(QUALITY, "품질팀"),
        new StaffGroup(LOGISTICS, "물류팀"),
        new StaffGroup(PR_RISK, "홍보·리스크"),
        new StaffGroup(PROCESS_OWNER, "프로세스 오너")));
    for (String code : regionCodes) {
      groups.add(new StaffGroup(REGION_PREFIX + code, "지역 사업부 (" + code + ")"));
    }
    return groups;
  }

  public static List<String> regionGroupIds(List<String> regionCodes) {
    return regionCodes.stream().map(code -> REGION_PREFIX + code).toList();
  }
}
