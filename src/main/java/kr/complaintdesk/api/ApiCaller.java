package kr.complaintdesk.api;

import java.util.List;
import kr.complaintdesk.security.StaffGroup;

/**
 * Who calls the case API, authenticated against the same users as Tasklist. Staff read and work
 * cases; a channel-integration account only submits complaints and customer contacts.
 */
public record ApiCaller(String userId, List<String> groups) {

  public boolean isStaff() {
    return groups.stream().anyMatch(g -> !g.equals(StaffGroup.CHANNEL_INTEGRATION) && !g.equals("camunda-admin"))
        || groups.contains("camunda-admin");
  }

  public boolean maySubmit() {
    return isStaff() || groups.contains(StaffGroup.CHANNEL_INTEGRATION);
  }

  public boolean mayMergeCustomers() {
    return groups.contains(StaffGroup.CS_AGENT) || groups.contains(StaffGroup.CS_LEAD) || groups.contains("camunda-admin");
  }
}
