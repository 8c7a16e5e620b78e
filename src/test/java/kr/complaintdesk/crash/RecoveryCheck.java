package kr.complaintdesk.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kr.complaintdesk.crash.Acknowledged.Contact;
import kr.complaintdesk.crash.Acknowledged.Intake;
import kr.complaintdesk.crash.Acknowledged.TaskWork;
import kr.complaintdesk.crash.CrashClient.Reply;

/**
 * After the restart: is everything the crashed node acknowledged still there, exactly once? Each
 * finding names the case and what is missing or doubled.
 */
final class RecoveryCheck {

  /** A member of staff who may read cases through the case API. */
  static final String READER = "cs-lead1";
  static final String ADMIN = "admin";
  private static final String ALL = "&maxResults=100000";

  private final CrashClient client;
  private final Acknowledged ledger;
  /** Per acknowledged operation that is gone, or there twice: what shows it. */
  private final Map<String, List<String>> lost = new ConcurrentSkipListMap<>();
  private final Map<String, List<String>> duplicates = new ConcurrentSkipListMap<>();
  private final List<String> reused = Collections.synchronizedList(new ArrayList<>());

  RecoveryCheck(CrashClient client, Acknowledged ledger) {
    this.client = client;
    this.ledger = ledger;
  }

  /** Acknowledged operations that did not survive the kill, each with what shows it. */
  Map<String, List<String>> lost() {
    return Collections.unmodifiableMap(new TreeMap<>(lost));
  }

  /** Acknowledged operations that are there more than once after the restart. */
  Map<String, List<String>> duplicates() {
    return Collections.unmodifiableMap(new TreeMap<>(duplicates));
  }

  List<String> reused() {
    return List.copyOf(reused);
  }

  /**
   * Every acknowledged case is readable and has exactly one process instance (running or ended), one
   * per submission; sending the submission again answers 200 with the same case number.
   */
  void intakes() throws Exception {
    Map<String, Integer> instancesByCase = countBy(
        list("/engine-rest/history/process-instance?processDefinitionKey=complaint-case"), "businessKey");
    Map<String, Integer> instancesBySubmission = countBy(
        list("/engine-rest/history/variable-instance?variableName=externalRef&processDefinitionKey=complaint-case"), "value");
    Set<String> handedOut = handedOut();
    for (Intake intake : ledger.intakes()) {
      int instances = instancesByCase.getOrDefault(intake.caseNumber(), 0);
      if (instances == 0) {
        add(lost, intakeOf(intake), "no process instance");
      } else if (instances > 1) {
        add(duplicates, intakeOf(intake), instances + " process instances");
      }
      int perSubmission = instancesBySubmission.getOrDefault(intake.externalRef(), 0);
      if (perSubmission > 1) {
        add(duplicates, intakeOf(intake), perSubmission + " cases of the submission");
      }
    }
    inParallel(ledger.intakes(), intake -> {
      Reply read = client.get(READER, "/api/complaints/" + intake.caseNumber());
      if (read.status() != 200 || !intake.caseNumber().equals(read.json().path("caseNumber").asText())) {
        add(lost, intakeOf(intake), "GET /api/complaints/" + intake.caseNumber() + " answered " + read.status());
      }
      Reply again = client.post(CaseLoad.CHANNEL_USER, "/api/complaints", intake.body());
      String number = again.acknowledged() ? again.json().path("caseNumber").asText() : null;
      if (again.status() != 200 || !intake.caseNumber().equals(number)) {
        add(lost, intakeOf(intake), "sent again, answered " + again.status() + " " + number);
      }
      if (again.status() == 201 && handedOut.contains(number)) {
        reused.add("case number " + number + " handed out again, to the resubmission of " + intake.externalRef());
      }
    });
  }

  /** Every acknowledged contact is on its case's timeline, once. */
  void contacts() throws Exception {
    Map<String, List<Contact>> byCase = ledger.contacts().stream().collect(Collectors.groupingBy(Contact::caseNumber));
    inParallel(List.copyOf(byCase.entrySet()), entry -> {
      Reply timeline = client.get(READER, "/api/complaints/" + entry.getKey() + "/timeline");
      if (timeline.status() != 200) {
        entry.getValue().forEach(contact -> add(lost, contactOf(contact), "timeline answered " + timeline.status()));
        return;
      }
      Map<String, Integer> notes = new HashMap<>();
      for (JsonNode item : timeline.json()) {
        if ("CONTACT".equals(item.path("kind").asText())) {
          notes.merge(item.path("details").asText(), 1, Integer::sum);
        }
      }
      for (Contact contact : entry.getValue()) {
        int times = notes.getOrDefault(contact.note(), 0);
        if (times == 0) {
          add(lost, contactOf(contact), "not on the timeline");
        } else if (times > 1) {
          add(duplicates, contactOf(contact), times + " times on the timeline");
        }
      }
    });
  }

  /**
   * Every acknowledged completion of a first contact ended the task and moved the case on to the offer
   * (once); every acknowledged claim not completed still has its assignee.
   */
  void taskWork() {
    Map<String, JsonNode> firstContacts = new HashMap<>();
    for (JsonNode task : list("/engine-rest/history/task?processDefinitionKey=complaint-case&taskDefinitionKey="
        + CaseLoad.FIRST_CONTACT)) {
      firstContacts.put(task.path("id").asText(), task);
    }
    Map<String, Integer> offersByInstance = countBy(
        list("/engine-rest/history/activity-instance?activityId=UserTask_PrepareOffer"), "processInstanceId");
    Set<String> completed = new HashSet<>();
    for (TaskWork completion : ledger.completions()) {
      completed.add(completion.taskId());
      JsonNode task = firstContacts.get(completion.taskId());
      String operation = "completion of the first contact of " + completion.caseNumber();
      if (task == null || task.path("endTime").isNull() || !"completed".equals(task.path("deleteReason").asText())) {
        add(lost, operation, task == null ? "task missing" : "task not completed");
        continue;
      }
      int offers = offersByInstance.getOrDefault(task.path("processInstanceId").asText(), 0);
      if (offers == 0) {
        add(lost, operation, "the case did not move on to the offer");
      } else if (offers > 1) {
        add(duplicates, operation, offers + " offer tasks");
      }
    }
    for (TaskWork claim : ledger.claims()) {
      JsonNode task = firstContacts.get(claim.taskId());
      if (!completed.contains(claim.taskId())
          && (task == null || !CaseLoad.AGENT.equals(task.path("assignee").asText()))) {
        add(lost, "claim of the first contact of " + claim.caseNumber(), "not assigned to " + CaseLoad.AGENT);
      }
    }
  }

  /** New submissions after the restart get case numbers that were never handed out before; returns those acknowledged. */
  List<String> newIntakes(CaseLoad load, int count) {
    Set<String> handedOut = handedOut();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      load.submitIntake(true).ifPresent(intake -> {
        if (handedOut.contains(intake.caseNumber()) || numbers.contains(intake.caseNumber())) {
          reused.add("case number " + intake.caseNumber() + " handed out again, to the new " + intake.externalRef());
        }
        numbers.add(intake.caseNumber());
      });
    }
    return numbers;
  }

  private static String intakeOf(Intake intake) {
    return "intake " + intake.externalRef() + " -> " + intake.caseNumber();
  }

  private static String contactOf(Contact contact) {
    return "contact '" + contact.note() + "' of " + contact.caseNumber();
  }

  private static void add(Map<String, List<String>> findings, String operation, String finding) {
    findings.computeIfAbsent(operation, k -> Collections.synchronizedList(new ArrayList<>())).add(finding);
  }

  private Set<String> handedOut() {
    return ledger.intakes().stream().map(Intake::caseNumber).collect(Collectors.toSet());
  }

  private JsonNode list(String query) {
    Reply reply = client.get(ADMIN, query + ALL);
    if (reply.status() != 200) {
      throw new IllegalStateException(query + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }

  private static Map<String, Integer> countBy(JsonNode items, String field) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode item : items) {
      counts.merge(item.path(field).asText(), 1, Integer::sum);
    }
    return counts;
  }

  /** Per-case requests from a few client threads, as the load came. */
  private static <T> void inParallel(List<T> items, Consumer<T> check) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> check.accept(item)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
