package kr.complaintdesk.benchmark;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * K first-response SLA timers ({@code BoundaryEvent_FirstResponseOverdue}) of open cases fall due at the
 * same instant: their due dates are moved there with {@code PUT /engine-rest/job/{id}/duedate} as admin,
 * the way an operator reschedules a job in Cockpit. Nothing else about the cases changes, and the
 * application's job executor runs as shipped. Each firing gives the case's lead an escalation task
 * ({@code UserTask_HandleOverdueFirstContact}); a case with two has been escalated twice.
 */
final class TimerStorm {

  static final String BOUNDARY_EVENT = "BoundaryEvent_FirstResponseOverdue";
  static final String ESCALATION_TASK = "UserTask_HandleOverdueFirstContact";
  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final String ADMIN = EngineRestPages.ADMIN;
  private static final int MOVERS = 4;
  private static final int PROBE_MOVES = 200;

  /** What the storm came to. */
  record Result(int timers, Instant due, double moveSeconds, double marginSeconds, int fired, int remaining,
      int escalatedCases, int duplicateCases, int missing, double firstFiredSeconds, double lastFiredSeconds,
      long failedExecutions, boolean waitedOut) {

    double firedPerSecond() {
      return lastFiredSeconds > 0 ? escalatedCases / lastFiredSeconds : Double.NaN;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("timers", timers);
      json.put("dueAt", due.toString());
      json.put("moveSeconds", moveSeconds);
      json.put("movesDoneSecondsBeforeDue", marginSeconds);
      json.put("jobsGone", fired);
      json.put("jobsRemaining", remaining);
      json.put("escalatedCases", escalatedCases);
      json.put("casesEscalatedMoreThanOnce", duplicateCases);
      json.put("casesNotEscalated", missing);
      json.put("firstEscalationSecondsAfterDue", firstFiredSeconds);
      json.put("lastEscalationSecondsAfterDue", lastFiredSeconds);
      json.put("escalationsPerSecond", firedPerSecond());
      json.put("failedJobExecutions", failedExecutions);
      json.put("gaveUpWaiting", waitedOut);
      return json;
    }
  }

  private final BenchHttp http;
  private final Errors errors;

  TimerStorm(BenchHttp http, Errors errors) {
    this.http = http;
    this.errors = errors;
  }

  /** The first-response timers there are now: job id to process instance id. */
  Map<String, String> openTimers() {
    Map<String, String> timers = new LinkedHashMap<>();
    for (JsonNode job : EngineRestPages.all(http, "/engine-rest/job?timers=true&activityId=" + BOUNDARY_EVENT
        + "&processDefinitionKey=complaint-case&sortBy=jobId&sortOrder=asc")) {
      timers.put(job.get("id").asText(), job.get("processInstanceId").asText());
    }
    return timers;
  }

  Result run(Map<String, String> timers, Duration longestWait) {
    List<String> jobIds = List.copyOf(timers.keySet());
    // A few moves to a far date show how fast moving goes; the instant is then chosen so that every move
    // is done before it, and all K jobs fall due together.
    Instant far = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
    long probeStart = System.nanoTime();
    int probe = move(jobIds.subList(0, Math.min(PROBE_MOVES, jobIds.size())), far);
    double perMove = (System.nanoTime() - probeStart) / 1e9 / Math.max(1, probe);
    Instant due = Instant.now().plusMillis((long) (jobIds.size() * perMove * 1000 * 1.3) + 5_000).truncatedTo(ChronoUnit.SECONDS);
    long moveStart = System.nanoTime();
    move(jobIds, due);
    double moveSeconds = (System.nanoTime() - moveStart) / 1e9;
    double margin = Duration.between(Instant.now(), due).toMillis() / 1000.0;
    System.out.printf("  moved %d timers to %s in %.1f s (%.1f s before that instant)%n", jobIds.size(), due, moveSeconds, margin);

    String dueBefore = URLEncoder.encode("lt_" + REST_DATE.format(due.plusMillis(1)), StandardCharsets.UTF_8);
    String remainingPath = "/engine-rest/job/count?timers=true&activityId=" + BOUNDARY_EVENT + "&dueDates=" + dueBefore;
    AtomicLong remaining = new AtomicLong(jobIds.size());
    boolean waitedOut = false;
    try {
      await("the storm's timers fire").atMost(longestWait.plus(Duration.ofMillis(Math.max(0, (long) (margin * 1000)))))
          .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
          .until(() -> {
            remaining.set(EngineRestPages.count(http, remainingPath));
            return remaining.get() == 0 && Instant.now().isAfter(due);
          });
    } catch (ConditionTimeoutException e) {
      waitedOut = true;
    }

    Set<String> instances = new HashSet<>(timers.values());
    Map<String, Integer> escalations = new HashMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (JsonNode task : EngineRestPages.all(http, "/engine-rest/history/task?taskDefinitionKey=" + ESCALATION_TASK
        + "&processDefinitionKey=complaint-case&sortBy=taskId&sortOrder=asc")) {
      String instance = task.get("processInstanceId").asText();
      if (!instances.contains(instance)) {
        continue;
      }
      escalations.merge(instance, 1, Integer::sum);
      long started = Instant.from(REST_DATE.parse(task.get("startTime").asText())).toEpochMilli();
      first = Math.min(first, started);
      last = Math.max(last, started);
    }
    int duplicates = (int) escalations.values().stream().filter(n -> n > 1).count();
    int missing = (int) instances.stream().filter(i -> !escalations.containsKey(i)).count();
    long failed = EngineRestPages.count(http, "/engine-rest/history/job-log/count?failureLog=true&activityIdIn=" + BOUNDARY_EVENT);
    return new Result(jobIds.size(), due, moveSeconds, margin, (int) (jobIds.size() - remaining.get()), (int) remaining.get(),
        escalations.size(), duplicates, missing,
        escalations.isEmpty() ? Double.NaN : (first - due.toEpochMilli()) / 1000.0,
        escalations.isEmpty() ? Double.NaN : (last - due.toEpochMilli()) / 1000.0,
        failed, waitedOut);
  }

  /** Moves the jobs' due dates with {@link #MOVERS} clients; returns how many moves succeeded. */
  private int move(List<String> jobIds, Instant due) {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(jobIds);
    Map<String, Object> body = Map.of("duedate", REST_DATE.format(due));
    LoadWindow.Result moved = LoadWindow.run("move-timers", MOVERS, Duration.ofHours(1), jobIds.size(), new AtomicLong(),
        sequence -> {
          String jobId = queue.poll();
          if (jobId == null) {
            return LoadWindow.Outcome.NO_WORK;
          }
          BenchHttp.Reply reply = http.put(ADMIN, "/engine-rest/job/" + jobId + "/duedate", body);
          if (reply.status() != 204) {
            errors.add("PUT /engine-rest/job/{id}/duedate", reply);
            return LoadWindow.Outcome.FAILED;
          }
          return LoadWindow.Outcome.DONE;
        });
    return moved.done();
  }
}
