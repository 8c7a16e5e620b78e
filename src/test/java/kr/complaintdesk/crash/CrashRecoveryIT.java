package kr.complaintdesk.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import kr.complaintdesk.support.Requires;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A power cut in the middle of work (issue 10): the packaged jar runs as an operator starts it, four
 * clients submit complaints, pass on customer contacts and complete first contacts, and the JVM is
 * killed with SIGKILL while they are being acknowledged (right after one of them is). After a restart on the same database,
 * everything the application acknowledged is there exactly once, a resubmission finds its case, new
 * intakes never get a number handed out before, and the SLA timers that fell due while the application
 * was down fire once.
 *
 * <p>On H2 the node runs in a fresh working directory with the shipped configuration unchanged, so the
 * default URL of application.yaml ({@code ./data/...}) is what is tested. Node logs are in
 * {@code target/crash-nodes/}, working directories (and the H2 file) in {@code target/crash-work/}.
 */
class CrashRecoveryIT {

  static final int CLIENTS = 4;
  static final int TIMERS = 5;
  /** The kill comes once this much is acknowledged, or after {@link #KILL_AT_THE_LATEST} of load. */
  static final int KILL_AFTER_INTAKES = 120;
  static final int KILL_AFTER_CONTACTS = 40;
  static final int KILL_AFTER_COMPLETIONS = 25;
  static final Duration KILL_AT_THE_LATEST = Duration.ofSeconds(30);
  /** Each client's own caps; the kill comes long before either. */
  static final int MAX_ROUNDS_PER_CLIENT = 500;
  static final Duration MAX_LOAD = KILL_AT_THE_LATEST.plusMinutes(1);
  /** The least load that makes a kill meaningful; below it the test fails rather than pass on nothing. */
  static final int AT_LEAST_INTAKES = 30;
  static final int AT_LEAST_CONTACTS = 10;
  static final int AT_LEAST_COMPLETIONS = 10;
  /** The moved timers fall due this long after the kill is decided (moving them takes a moment under load). */
  static final Duration TIMERS_DUE_IN = Duration.ofSeconds(15);
  static final int NEW_INTAKES_AFTER_RESTART = 10;
  static final String[] USERS = {CaseLoad.CHANNEL_USER, CaseLoad.AGENT, RecoveryCheck.READER, RecoveryCheck.ADMIN};

  private final List<CrashNode> nodes = new ArrayList<>();
  private final List<CaseLoad> loads = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    nodes.forEach(CrashNode::destroy);
    loads.forEach(CaseLoad::stop);
  }

  @Test
  void theDefaultH2FileDatabaseKeepsWhatItAcknowledgedThroughAKill() throws Exception {
    Path workDir = freshDirectory("h2");
    crashAndRecover("H2", name -> CrashNode.start(name, workDir, Map.of(), List.of()));
    assertThat(workDir.resolve("data").resolve("complaint-desk.mv.db"))
        .as("the default datasource URL of application.yaml, relative to the working directory").exists();
  }

  @Nested
  @Requires(ExternalTool.POSTGRESQL)
  class OnPostgresql {

    @Test
    void postgresqlKeepsWhatItAcknowledgedThroughAKill() throws Exception {
      Path workDir = freshDirectory("postgresql");
      Map<String, String> env = Map.of(
          "COMPLAINTS_DB_URL", PostgresTestDatabase.recreate("complaints_it_crash"),
          "COMPLAINTS_DB_USER", ExternalTool.postgresUser(),
          "COMPLAINTS_DB_PASSWORD", ExternalTool.postgresPassword());
      crashAndRecover("PostgreSQL",
          name -> CrashNode.start(name, workDir, env, List.of("--spring.profiles.active=postgres")));
    }
  }

  private void crashAndRecover(String database, Function<String, CrashNode> startNode) throws Exception {
    String tag = database.toLowerCase(Locale.ROOT);
    CrashNode first = started(startNode.apply("crash-" + tag + "-1")).awaitReady(USERS);
    CrashClient before = first.client();
    Acknowledged ledger = new Acknowledged();
    CaseLoad load = tracked(new CaseLoad(before, ledger, "crash-" + tag + "-"));

    // Cases whose first contact stays open: their SLA timers are moved to fall due while the node is down.
    List<FirstResponseTimer> timers = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      String caseNumber = load.submitIntake(true)
          .orElseThrow(() -> new AssertionError("intake refused: " + ledger.refusedCounts() + "; see " + first.log()))
          .caseNumber();
      timers.add(FirstResponseTimer.of(before, caseNumber));
    }

    load.start(CLIENTS, MAX_ROUNDS_PER_CLIENT, MAX_LOAD);
    Instant loadStarted = Instant.now();
    await("load acknowledged").atMost(KILL_AT_THE_LATEST.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> !load.allRunning()
            || !Instant.now().isBefore(loadStarted.plus(KILL_AT_THE_LATEST))
            || ledger.intakes().size() >= KILL_AFTER_INTAKES && ledger.contacts().size() >= KILL_AFTER_CONTACTS
                && ledger.completions().size() >= KILL_AFTER_COMPLETIONS);
    Instant due = Instant.now().plus(TIMERS_DUE_IN).truncatedTo(ChronoUnit.MILLIS);
    for (FirstResponseTimer timer : timers) {
      timer.moveDueDateTo(before, due);
    }
    assertThat(load.allRunning()).as("every client is still sending when the kill comes; refused: %s; see %s",
        ledger.refusedCounts(), first.log()).isTrue();
    // Milliseconds after a 2xx: what a database acknowledged but has not written yet is lost now, if anything is.
    assertThat(ledger.awaitNextAcknowledgement(Duration.ofSeconds(5))).as("an acknowledgement under load").isTrue();
    Instant killed = first.killHard();
    load.stop();
    assertThat(killed).as("the kill comes before the timers fall due").isBefore(due);

    await("the timers' due date passes while the node is down").atMost(TIMERS_DUE_IN.plusSeconds(5))
        .pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(due));
    CrashNode second = started(startNode.apply("crash-" + tag + "-2")).awaitReady(USERS);
    CrashClient after = second.client();

    try {
      await("timers due while the node was down fire").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
          .until(() -> timers.stream().allMatch(timer -> timer.escalations(after) >= 1));
    } catch (ConditionTimeoutException e) {
      // Reported below with the timers that did not fire.
    }
    List<String> timerProblems = new ArrayList<>();
    int firedOnce = 0;
    for (FirstResponseTimer timer : timers) {
      List<String> problems = timer.problemsAfterFiringOn(after, second.name());
      timerProblems.addAll(problems);
      firedOnce += problems.isEmpty() ? 1 : 0;
    }

    RecoveryCheck check = new RecoveryCheck(after, ledger);
    check.intakes();
    check.contacts();
    check.taskWork();
    CaseLoad newClient = tracked(new CaseLoad(after, new Acknowledged(), "crash-" + tag + "-after-"));
    List<String> newNumbers = check.newIntakes(newClient, NEW_INTAKES_AFTER_RESTART);

    System.out.printf("Crash test %s: acknowledged intakes %d, contacts %d, claims %d, completions %d "
            + "(unanswered at the kill %d); lost %d; duplicates %d; reused case numbers %d; "
            + "timers due while down %d, fired once %d%n",
        database, ledger.intakes().size(), ledger.contacts().size(), ledger.claims().size(),
        ledger.completions().size(), ledger.unansweredCount(), check.lost().size(), check.duplicates().size(),
        check.reused().size(), timers.size(), firedOnce);
    if (!ledger.refusedCounts().isEmpty()) {
      System.out.printf("Crash test %s: refused under load (not counted as acknowledged): %s%n", database,
          ledger.refusedCounts());
    }

    String logs = "; logs " + first.log() + ", " + second.log();
    SoftAssertions.assertSoftly(softly -> {
      softly.assertThat(ledger.intakes()).as("acknowledged intakes before the kill")
          .hasSizeGreaterThanOrEqualTo(AT_LEAST_INTAKES);
      softly.assertThat(ledger.contacts()).as("acknowledged contacts before the kill")
          .hasSizeGreaterThanOrEqualTo(AT_LEAST_CONTACTS);
      softly.assertThat(ledger.completions()).as("acknowledged completions before the kill")
          .hasSizeGreaterThanOrEqualTo(AT_LEAST_COMPLETIONS);
      softly.assertThat(check.lost()).as("acknowledged, then lost in the kill" + logs).isEmpty();
      softly.assertThat(check.duplicates()).as("there twice after the restart" + logs).isEmpty();
      softly.assertThat(check.reused()).as("case numbers handed out twice" + logs).isEmpty();
      softly.assertThat(newNumbers).as("new intakes acknowledged after the restart; refused: %s", newClient.refused())
          .hasSize(NEW_INTAKES_AFTER_RESTART);
      softly.assertThat(timerProblems).as("timers due while the node was down fire exactly once after the restart" + logs)
          .isEmpty();
    });
  }

  private CrashNode started(CrashNode node) {
    nodes.add(node);
    return node;
  }

  private CaseLoad tracked(CaseLoad load) {
    loads.add(load);
    return load;
  }

  private static Path freshDirectory(String name) throws IOException {
    Path directory = Path.of("target", "crash-work", name).toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    return Files.createDirectories(directory);
  }
}
