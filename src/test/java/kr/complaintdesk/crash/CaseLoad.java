package kr.complaintdesk.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import kr.complaintdesk.crash.Acknowledged.Contact;
import kr.complaintdesk.crash.Acknowledged.Intake;
import kr.complaintdesk.crash.Acknowledged.TaskWork;
import kr.complaintdesk.crash.CrashClient.Reply;

/**
 * Client threads that keep a node busy as the channels and the agents do: each submits complaints
 * (channel-integration1), passes on customer contacts for cases it knows, and claims and completes the
 * first-contact task of acknowledged cases through engine REST (cs-agent1). Every 2xx goes into the
 * {@link Acknowledged} ledger. A thread stops at its first unanswered request (the node is gone), at
 * {@link #stop()}, or when its own caps of requests and time run out.
 */
final class CaseLoad {

  static final String CHANNEL_USER = "channel-integration1";
  static final String AGENT = "cs-agent1";
  static final String FIRST_CONTACT = "UserTask_FirstContact";

  private final CrashClient client;
  private final Acknowledged ledger;
  private final String refPrefix;
  private final AtomicInteger submissions = new AtomicInteger();
  private final List<String> knownCases = Collections.synchronizedList(new ArrayList<>());
  private final Queue<String> awaitingFirstContact = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  CaseLoad(CrashClient client, Acknowledged ledger, String refPrefix) {
    this.client = client;
    this.ledger = ledger;
    this.refPrefix = refPrefix;
  }

  /** A complaint as a web channel sends it; the customer and the channel reference are new each time. */
  static Map<String, Object> intakeBody(String externalRef) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("name", "김민지");
    customer.put("email", externalRef + "@example.kr");
    customer.put("region", "seoul");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "WEB");
    body.put("externalRef", externalRef);
    body.put("category", "SERVICE");
    body.put("customer", customer);
    body.put("description", "상담원이 불친절했습니다 (" + externalRef + ")");
    body.put("remedySought", "APOLOGY");
    body.put("externalThreat", false);
    return body;
  }

  /**
   * Submits one new complaint. The case joins the cases whose first contact the load completes, unless
   * {@code keepFirstContactOpen} (its first-response timer is the test's). Empty when not acknowledged.
   */
  Optional<Intake> submitIntake(boolean keepFirstContactOpen) {
    return Optional.ofNullable(submit(keepFirstContactOpen).intake());
  }

  private record Submission(Reply reply, Intake intake) {}

  private Submission submit(boolean keepFirstContactOpen) {
    String externalRef = refPrefix + submissions.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = intakeBody(externalRef);
    Reply reply = client.post(CHANNEL_USER, "/api/complaints", body);
    note(reply, "POST /api/complaints");
    if (!reply.acknowledged()) {
      return new Submission(reply, null);
    }
    Intake intake = new Intake(externalRef, body, reply.json().get("caseNumber").asText());
    ledger.intake(intake);
    knownCases.add(intake.caseNumber());
    if (!keepFirstContactOpen) {
      awaitingFirstContact.add(intake.caseNumber());
    }
    return new Submission(reply, intake);
  }

  void start(int clients, int maxRoundsPerClient, Duration longest) {
    Instant deadline = Instant.now().plus(longest);
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> run(maxRoundsPerClient, deadline), "crash-client-" + c);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  Map<String, Integer> refused() {
    return ledger.refusedCounts();
  }

  boolean allRunning() {
    return !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
  }

  /** Stops every client thread and waits for it; a request in flight ends with the node anyway. */
  void stop() {
    stopped = true;
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(90).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void run(int maxRounds, Instant deadline) {
    for (int round = 0; round < maxRounds && !stopped && Instant.now().isBefore(deadline); round++) {
      boolean answered = !submit(false).reply().unanswered();
      if (answered && round % 2 == 1) {
        answered = contact();
      }
      if (answered && round % 3 == 2) {
        answered = completeFirstContact();
      }
      if (!answered) {
        return;
      }
    }
  }

  private boolean contact() {
    String caseNumber;
    synchronized (knownCases) {
      caseNumber = knownCases.get(ThreadLocalRandom.current().nextInt(knownCases.size()));
    }
    String note = "재연락 " + UUID.randomUUID();
    Reply reply = client.post(CHANNEL_USER, "/api/complaints/" + caseNumber + "/contacts",
        Map.of("channel", "PHONE", "note", note));
    if (reply.acknowledged()) {
      ledger.contact(new Contact(caseNumber, note));
    }
    return note(reply, "POST /api/complaints/{n}/contacts");
  }

  private boolean completeFirstContact() {
    String caseNumber = awaitingFirstContact.poll();
    if (caseNumber == null) {
      return true;
    }
    Reply tasks = client.get(AGENT, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + FIRST_CONTACT);
    if (!tasks.acknowledged()) {
      return note(tasks, "GET /engine-rest/task");
    }
    if (tasks.json().size() != 1) {
      ledger.refused("GET /engine-rest/task (first-contact tasks of an acknowledged case: " + tasks.json().size() + ")", 200);
      return true;
    }
    String taskId = tasks.json().get(0).get("id").asText();
    Reply claim = client.post(AGENT, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", AGENT));
    if (!claim.acknowledged()) {
      return note(claim, "POST /engine-rest/task/{id}/claim");
    }
    ledger.claim(new TaskWork(caseNumber, taskId));
    Reply complete = client.post(AGENT, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "contactNotes", value("고객과 통화해 사과하고 사실관계를 확인함"),
        "remedySought", value("APOLOGY"),
        "callbackPromised", value(false))));
    if (complete.acknowledged()) {
      ledger.completion(new TaskWork(caseNumber, taskId));
    }
    return note(complete, "POST /engine-rest/task/{id}/complete");
  }

  /** Counts a reply that is not a 2xx; false when the node did not answer at all. */
  private boolean note(Reply reply, String request) {
    if (reply.unanswered()) {
      ledger.unanswered();
      return false;
    }
    if (!reply.acknowledged()) {
      ledger.refused(request, reply.status());
    }
    return true;
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }
}
