package kr.complaintdesk.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** How messages name a member of staff: as Tasklist shows them ("first last"), with the user id. */
public final class StaffNames {

  private StaffNames() {}

  /** {@code 김민수 (cs-agent2)}, or the id alone when the user is unknown or cannot be read. */
  public static String of(IdentityService identityService, String userId) {
    if (userId == null) {
      return "다른 사람";
    }
    try {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        return userId;
      }
      String name = (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
      return name.isEmpty() ? userId : name + " (" + userId + ")";
    } catch (RuntimeException e) {
      return userId;
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
