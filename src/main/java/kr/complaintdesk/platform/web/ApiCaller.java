package kr.complaintdesk.platform.web;

import java.util.List;
import java.util.Set;
import kr.complaintdesk.platform.security.StaffGroup;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who calls the case API, authenticated against the same users as Tasklist. Staff who work cases read and
 * change them; a channel-integration account submits complaints and, for the cases it submitted, relays
 * the customer's contacts, threats, answers and withdrawal, reading nothing; process owners, who own
 * the models and not the cases, neither read nor change customers' cases here.
 */
public record ApiCaller(String userId, List<String> groups) {

  private static final Set<String> NOT_CASE_WORK = Set.of(StaffGroup.CHANNEL_INTEGRATION, StaffGroup.PROCESS_OWNER);

  public boolean isStaff() {
    return groups.stream().anyMatch(g -> !NOT_CASE_WORK.contains(g));
  }

  public boolean maySubmit() {
    return isStaff() || isChannelIntegration();
  }

  public boolean isChannelIntegration() {
    return groups.contains(StaffGroup.CHANNEL_INTEGRATION);
  }

  /**
   * The customer-service desk, agents and leads (and the administrator): who owns the contact with the customer,
   * and so decides how the case is handled (merging customers, requesting a visit, correcting the category).
   */
  public boolean isCustomerService() {
    return groups.contains(StaffGroup.CS_AGENT) || groups.contains(StaffGroup.CS_LEAD) || groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * Whether the caller reads customers' identities (phone numbers, e-mail addresses, SNS handles) and complaint
   * histories: the customer-service desk and its director, who talk to customers. The other groups work with what
   * their tasks carry, not with the customer file: a visit task has the name and phone number the region needs;
   * PR/risk's assessment tasks are steps of the case's own process, so through them PR/risk reads that case's
   * variables (the customer's name and the contacts given at intake), but not the customer's other identities or
   * earlier complaints.
   */
  public boolean mayReadCustomers() {
    return isCustomerService() || groups.contains(StaffGroup.CS_DIRECTOR);
  }

  /**
   * Whether the caller records a new expected delivery date: the desk that talks to the customer, and logistics, who
   * hear it from the carrier first.
   */
  public boolean mayChangeDeliveryEta() {
    return isCustomerService() || groups.contains(StaffGroup.LOGISTICS);
  }

  public boolean mayMergeCustomers() {
    return isCustomerService();
  }
}
