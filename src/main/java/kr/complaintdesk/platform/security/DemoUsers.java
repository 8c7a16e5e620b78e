package kr.complaintdesk.platform.security;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two demo users per group, named after the group with {@code 1} and {@code 2}, password {@code demo}: two, so
 * that a story with four-eyes steps (one prepares, another approves) can be played through in one group.
 */
@Component
public class DemoUsers {

  public static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** How many demo users each group gets. */
  public static final int PER_GROUP = 2;

  /** The first demo user of a group, e.g. {@code cs-agent1}. */
  public static String userIdOf(String groupId) {
    return userIdsOf(groupId).get(0);
  }

  /** Every demo user of a group: {@code cs-agent1}, {@code cs-agent2}. */
  public static List<String> userIdsOf(String groupId) {
    return IntStream.rangeClosed(1, PER_GROUP).mapToObj(n -> groupId + n).toList();
  }

  public void create(List<StaffGroup> groups) {
    for (StaffGroup group : groups) {
      int n = 0;
      for (String userId : userIdsOf(group.id())) {
        n++;
        if (identityService.createUserQuery().userId(userId).count() > 0) {
          continue;
        }
        User user = identityService.newUser(userId);
        user.setFirstName(group.name());
        user.setLastName("데모" + n);
        user.setEmail(userId + "@demo.invalid");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, group.id());
        LOG.info("Created demo user {}", userId);
      }
    }
  }
}
