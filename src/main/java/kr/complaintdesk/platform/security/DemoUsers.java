package kr.complaintdesk.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One demo user per group, named after the group with a {@code 1}, password {@code demo}. */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static String userIdOf(String groupId) {
    return groupId + "1";
  }

  public void create(List<StaffGroup> groups) {
    for (StaffGroup group : groups) {
      String userId = userIdOf(group.id());
      if (identityService.createUserQuery().userId(userId).count() > 0) {
        continue;
      }
      User user = identityService.newUser(userId);
      user.setFirstName(group.name());
      user.setLastName("데모");
      user.setEmail(userId + "@demo.invalid");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, group.id());
      LOG.info("Created demo user {}", userId);
    }
  }
}
