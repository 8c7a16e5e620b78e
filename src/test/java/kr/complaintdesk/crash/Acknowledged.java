package kr.complaintdesk.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the application answered with 2xx: what a client may rely on having happened. Requests
 * the application refused or never answered are only counted, for the report.
 */
final class Acknowledged {

  /** An intake answered 201 (or 200): the body can be sent again, the case number was handed out. */
  record Intake(String externalRef, Map<String, Object> body, String caseNumber) {}

  /** A customer contact answered 202; the note is unique, so the timeline shows each contact by it. */
  record Contact(String caseNumber, String note) {}

  /** A claim or completion of a case's first-contact task answered 204. */
  record TaskWork(String caseNumber, String taskId) {}

  private final Queue<Intake> intakes = new ConcurrentLinkedQueue<>();
  private final Queue<Contact> contacts = new ConcurrentLinkedQueue<>();
  private final Queue<TaskWork> claims = new ConcurrentLinkedQueue<>();
  private final Queue<TaskWork> completions = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicReference<CountDownLatch> next = new AtomicReference<>(new CountDownLatch(1));
  private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

  void intake(Intake intake) {
    intakes.add(intake);
    announce();
  }

  void contact(Contact contact) {
    contacts.add(contact);
    announce();
  }

  void claim(TaskWork claim) {
    claims.add(claim);
    announce();
  }

  void completion(TaskWork completion) {
    completions.add(completion);
    announce();
  }

  /**
   * Waits for the next acknowledgement of any client: a kill right after it hits the window in which a
   * database that delays its writes has acknowledged a commit it has not written yet.
   */
  boolean awaitNextAcknowledgement(Duration timeout) throws InterruptedException {
    return next.get().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void announce() {
    next.getAndSet(new CountDownLatch(1)).countDown();
  }

  void unanswered() {
    unanswered.incrementAndGet();
  }

  void refused(String request, int status) {
    refused.computeIfAbsent(request + " -> " + status, k -> new AtomicInteger()).incrementAndGet();
  }

  List<Intake> intakes() {
    return List.copyOf(intakes);
  }

  List<Contact> contacts() {
    return List.copyOf(contacts);
  }

  List<TaskWork> claims() {
    return List.copyOf(claims);
  }

  List<TaskWork> completions() {
    return List.copyOf(completions);
  }

  int unansweredCount() {
    return unanswered.get();
  }

  Map<String, Integer> refusedCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    refused.forEach((request, count) -> counts.put(request, count.get()));
    return counts;
  }
}
