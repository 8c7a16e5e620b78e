package kr.complaintdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.platform.security.DemoUsers;
import kr.complaintdesk.platform.security.StaffGroup;
import kr.complaintdesk.platform.tasklist.TasklistFilters;

/**
 * What Tasklist asks on every refresh, for every shared filter: the count
 * ({@code GET /engine-rest/filter/{id}/count}) and the first page
 * ({@code GET /engine-rest/filter/{id}/list?firstResult=0&maxResults=15}), as the demo user of the group
 * each filter is meant for (the first group {@link TasklistFilters} lists for it). The group must hold
 * READ on the filter, or the run fails.
 */
final class FilterProbe {

  /** The group each filter is made for; filters shared by every group are measured for agents, the most users. */
  static final Map<String, String> INTENDED_GROUP = Map.of(
      TasklistFilters.MY_TASKS, StaffGroup.CS_AGENT,
      TasklistFilters.MY_GROUP_TASKS, StaffGroup.CS_AGENT,
      TasklistFilters.URGENT, StaffGroup.CS_AGENT,
      TasklistFilters.OVERDUE, StaffGroup.CS_LEAD,
      TasklistFilters.CARE_VISITS, StaffGroup.REGION_PREFIX + "seoul",
      TasklistFilters.ANALYSES, StaffGroup.SAFETY_LAB,
      TasklistFilters.APPROVALS, StaffGroup.CS_AGENT,
      TasklistFilters.PREVENTION, StaffGroup.QUALITY,
      TasklistFilters.PUBLIC_RISK, StaffGroup.PR_RISK);
  static final double TARGET_P95_MILLIS = 100;
  private static final int FILTER_RESOURCE = 5;

  /** The calls of one filter: both operations and what they answered. */
  record Measured(String id, String name, String user, Latencies count, Latencies list, long tasks, int pageSize,
      int timeouts) {

    boolean met() {
      return count.count() > 0 && list.count() > 0
          && count.percentileMillis(95) < TARGET_P95_MILLIS && list.percentileMillis(95) < TARGET_P95_MILLIS;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", id);
      json.put("name", name);
      json.put("user", user);
      json.put("tasksCounted", tasks);
      json.put("firstPageSize", pageSize);
      json.put("countCalls", count.count());
      json.put("countP50Ms", count.percentileMillis(50));
      json.put("countP95Ms", count.percentileMillis(95));
      json.put("countMaxMs", count.maxMillis());
      json.put("listCalls", list.count());
      json.put("listP50Ms", list.percentileMillis(50));
      json.put("listP95Ms", list.percentileMillis(95));
      json.put("listMaxMs", list.maxMillis());
      json.put("callsTimedOut", timeouts);
      json.put("timeoutMinutes", BenchHttp.REQUEST_TIMEOUT.toMinutes());
      json.put("targetP95Ms", TARGET_P95_MILLIS);
      json.put("met", met());
      return json;
    }
  }

  private final BenchHttp http;
  private final Errors errors;

  FilterProbe(BenchHttp http, Errors errors) {
    this.http = http;
    this.errors = errors;
  }

  /**
   * Calls each filter's count and first page alternately, up to {@code calls} times each; an operation
   * stops early once it has used {@code budget} (after at least one call), so a filter that takes
   * minutes is reported from few calls instead of holding the run for an hour.
   */
  List<Measured> measure(int calls, Duration budget) {
    List<Measured> measured = new ArrayList<>();
    for (JsonNode filter : EngineRestPages.all(http, "/engine-rest/filter?resourceType=Task&sortBy=filterId&sortOrder=asc")) {
      String id = filter.get("id").asText();
      String name = filter.get("name").asText();
      String group = groupFor(id, name);
      String user = DemoUsers.userIdOf(group);
      Latencies count = new Latencies();
      Latencies list = new Latencies();
      long tasks = -1;
      int pageSize = -1;
      long countSpent = 0;
      long listSpent = 0;
      int timeouts = 0;
      for (int i = 0; i < calls; i++) {
        boolean countMore = count.count() == 0 || countSpent < budget.toNanos();
        boolean listMore = list.count() == 0 || listSpent < budget.toNanos();
        if (!countMore && !listMore) {
          break;
        }
        if (countMore) {
          BenchHttp.Reply reply = http.get(user, "/engine-rest/filter/" + id + "/count");
          countSpent += reply.nanos();
          if (reply.status() == 200) {
            count.add(reply.nanos());
            tasks = reply.json().get("count").asLong();
          } else if (reply.status() == BenchHttp.Reply.TIMED_OUT) {
            // A figure, not an error: the call took at least the timeout.
            count.add(reply.nanos());
            timeouts++;
          } else {
            errors.add("filter count " + name, reply);
          }
        }
        if (listMore) {
          BenchHttp.Reply reply = http.get(user, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15");
          listSpent += reply.nanos();
          if (reply.status() == 200) {
            list.add(reply.nanos());
            pageSize = reply.json().size();
          } else if (reply.status() == BenchHttp.Reply.TIMED_OUT) {
            list.add(reply.nanos());
            timeouts++;
          } else {
            errors.add("filter first page " + name, reply);
          }
        }
      }
      Measured result = new Measured(id, name, user, count, list, tasks, pageSize, timeouts);
      System.out.printf("  filter %s as %s: %d tasks, count p50 %s p95 %s (%d calls), first page p50 %s p95 %s (%d calls)%s%n",
          name, user, tasks, Report.ms(count.percentileMillis(50)), Report.ms(count.percentileMillis(95)), count.count(),
          Report.ms(list.percentileMillis(50)), Report.ms(list.percentileMillis(95)), list.count(),
          timeouts > 0 ? "; " + timeouts + " call(s) timed out after " + BenchHttp.REQUEST_TIMEOUT.toMinutes() + " min" : "");
      measured.add(result);
    }
    return measured;
  }

  /** The intended group of a filter, checked against its READ grants; a filter not known here gets its first grant. */
  private String groupFor(String filterId, String name) {
    List<String> granted = new ArrayList<>();
    for (JsonNode grant : EngineRestPages.all(http, "/engine-rest/authorization?type=1&resourceType=" + FILTER_RESOURCE
        + "&resourceId=" + filterId + "&sortBy=resourceId&sortOrder=asc")) {
      if (!grant.path("groupId").isNull() && !grant.path("groupId").isMissingNode()) {
        granted.add(grant.get("groupId").asText());
      }
    }
    String intended = INTENDED_GROUP.get(name);
    if (intended != null && granted.contains(intended)) {
      return intended;
    }
    if (intended != null) {
      throw new IllegalStateException("filter " + name + " is meant for " + intended + " but readable by " + granted);
    }
    return granted.stream().filter(g -> !g.equals("camunda-admin")).findFirst()
        .orElseThrow(() -> new IllegalStateException("filter " + name + " is readable by no group"));
  }
}
