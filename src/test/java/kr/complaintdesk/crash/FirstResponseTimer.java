package kr.complaintdesk.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.complaintdesk.crash.CrashClient.Reply;

/**
 * The first-response SLA timer of one case ({@code BoundaryEvent_FirstResponseOverdue} on the first
 * contact): when it fires, the lead gets {@code UserTask_HandleOverdueFirstContact} and the job is gone.
 */
record FirstResponseTimer(String caseNumber, String processInstanceId, String jobId) {

  static final String BOUNDARY_EVENT = "BoundaryEvent_FirstResponseOverdue";
  static final String ESCALATION_TASK = "UserTask_HandleOverdueFirstContact";
  /** The date format of Camunda's REST API. */
  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
      .withZone(ZoneOffset.UTC);
  private static final String ADMIN = RecoveryCheck.ADMIN;

  static FirstResponseTimer of(CrashClient client, String caseNumber) {
    JsonNode instances = ok(client.get(ADMIN, "/engine-rest/process-instance?processDefinitionKey=complaint-case"
        + "&businessKey=" + caseNumber), "process instance of " + caseNumber);
    if (instances.size() != 1) {
      throw new IllegalStateException(caseNumber + " has " + instances.size() + " running process instances");
    }
    String instanceId = instances.get(0).get("id").asText();
    JsonNode jobs = ok(client.get(ADMIN, "/engine-rest/job?timers=true&activityId=" + BOUNDARY_EVENT
        + "&processInstanceId=" + instanceId), "SLA timer of " + caseNumber);
    if (jobs.size() != 1) {
      throw new IllegalStateException(caseNumber + " has " + jobs.size() + " first-response timers");
    }
    return new FirstResponseTimer(caseNumber, instanceId, jobs.get(0).get("id").asText());
  }

  /** Moves the timer's due date ({@code PUT /job/{id}/duedate}) and reads it back. */
  void moveDueDateTo(CrashClient client, Instant due) {
    Reply moved = client.put(ADMIN, "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", REST_DATE.format(due)));
    if (moved.status() != 204) {
      throw new IllegalStateException("due date of " + jobId + " not moved: " + moved.status() + " " + moved.body());
    }
    String stored = ok(client.get(ADMIN, "/engine-rest/job/" + jobId), "job " + jobId).get("dueDate").asText();
    if (!Instant.from(REST_DATE.parse(stored)).equals(due)) {
      throw new IllegalStateException("due date of " + jobId + " is " + stored + ", not " + due);
    }
  }

  /** How many escalation tasks the timer created so far (open or done). */
  int escalations(CrashClient client) {
    return ok(client.get(ADMIN, "/engine-rest/history/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + ESCALATION_TASK), "escalations of " + caseNumber).size();
  }

  /**
   * Empty when the timer fired exactly once, on {@code node}: one escalation task, the job gone, one
   * successful execution in the job log. Otherwise what is wrong.
   */
  List<String> problemsAfterFiringOn(CrashClient client, String node) {
    List<String> problems = new ArrayList<>();
    int escalations = escalations(client);
    if (escalations != 1) {
      problems.add(caseNumber + ": " + escalations + " escalation tasks");
    }
    if (client.get(ADMIN, "/engine-rest/job/" + jobId).status() != 404) {
      problems.add(caseNumber + ": timer job " + jobId + " still there");
    }
    JsonNode runs = ok(client.get(ADMIN, "/engine-rest/history/job-log?successLog=true&jobId=" + jobId),
        "job log of " + jobId);
    if (runs.size() != 1) {
      problems.add(caseNumber + ": timer job executed " + runs.size() + " times");
    }
    for (JsonNode run : runs) {
      if (!node.equals(run.path("hostname").asText())) {
        problems.add(caseNumber + ": timer fired on " + run.path("hostname").asText() + ", not after the restart");
      }
    }
    return problems;
  }

  private static JsonNode ok(Reply reply, String what) {
    if (reply.status() != 200) {
      throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }
}
