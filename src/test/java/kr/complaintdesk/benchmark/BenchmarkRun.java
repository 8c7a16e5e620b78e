package kr.complaintdesk.benchmark;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;
import kr.complaintdesk.support.ApplicationNode;
import kr.complaintdesk.support.ExternalTool;
import kr.complaintdesk.support.PostgresTestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * One run of the benchmark on one database, against one node of the packaged jar, in this order:
 * start-up on an empty database; intake against starting a bare one-user-task process, at 1 and 4
 * clients, alternating; completing first contact against completing the bare task; generating open
 * cases up to N through the intake; every Tasklist filter as a member of its group; heap after GC; a
 * storm of K SLA timers; a restart with the N open cases. Writes {@code target/benchmark/<db>-<mode>.md}
 * and {@code .json}.
 */
final class BenchmarkRun {

  static final String ADMIN = EngineRestPages.ADMIN;
  static final String AGENT = "cs-agent1";
  static final String FIRST_CONTACT = "UserTask_FirstContact";
  static final String BARE_KEY = "benchmark-bare-task";
  static final int[] CLIENTS = {1, 4};
  static final double INTAKE_RATIO_TARGET = 0.5;
  static final double INTAKE_P99_TARGET_MILLIS = 100;
  static final double COMPLETION_RATIO_TARGET = 0.8;
  static final int STORM_TARGET_TIMERS = 10_000;
  static final double STORM_TARGET_SECONDS = 60;
  static final int HEAP_TARGET_CASES = 100_000;
  static final double HEAP_TARGET_MIB = 512;
  static final double READY_TARGET_SECONDS = 15;

  /**
   * The bare engine: one user task for agents, nothing else. It runs in the same application, so the
   * listeners the application adds to every user task of every model run for it too (see docs/performance.md).
   */
  static final String BARE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_BenchmarkBareTask"
          targetNamespace="http://complaintdesk.kr/benchmark">
        <bpmn:process id="benchmark-bare-task" name="벤치마크 단일 작업" isExecutable="true"
            camunda:historyTimeToLive="P1D" camunda:versionTag="1">
          <bpmn:startEvent id="StartEvent_Started" />
          <bpmn:sequenceFlow id="SequenceFlow_ToTask" sourceRef="StartEvent_Started" targetRef="UserTask_Bare" />
          <bpmn:userTask id="UserTask_Bare" name="작업 처리" camunda:candidateGroups="cs-agent" />
          <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="UserTask_Bare" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final BenchmarkSettings settings;
  private final String database;
  private final int openCasesWanted;
  private final Errors errors = new Errors();
  private final Report report;
  private final AtomicLong intakeSequence = new AtomicLong();
  private final AtomicLong otherSequence = new AtomicLong();
  private final String runTag = "b" + Long.toString(System.currentTimeMillis() / 1000, 36);
  private final Path out = Path.of("target", "benchmark").toAbsolutePath();
  private final Path work;
  private String postgresUrl;
  private BenchmarkNode node;
  private BenchHttp http;

  BenchmarkRun(BenchmarkSettings settings, String database) {
    this.settings = settings;
    this.database = database;
    this.openCasesWanted = settings.openCasesFor(database);
    this.work = out.resolve("work-" + database);
    this.report = new Report((database.equals("h2") ? "H2 (embedded, shipped default URL)" : "PostgreSQL")
        + " — " + settings.mode() + " run, N = " + String.format(Locale.ROOT, "%,d", openCasesWanted) + " open cases wanted");
  }

  Report execute() {
    long started = System.nanoTime();
    report.put("database", database);
    report.put("mode", settings.mode());
    report.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    report.put("settings", settings.json());
    try {
      freshDatabase();
      report.put("machine", machine());
      startup();
      deployBareProcess();
      warmUp();
      intakeAgainstBareStart();
      completionAgainstBareCompletion();
      deleteBareInstances();
      generateOpenCases();
      settleJobs("after generation");
      databaseState("atOpenCases");
      filters();
      heap();
      timerStorm();
      if (settings.restart()) {
        restart();
      }
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
      report.fail("run aborted: " + e);
    } finally {
      if (node != null) {
        node.close();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> machine = (Map<String, Object>) report.json.get("machine");
      if (machine != null) {
        machine.put("load average at end", loadAverage());
      }
      if (errors.total() > 0) {
        errors.counts().forEach((kind, count) -> report.fail(count + " × " + kind + " (first: " + errors.examples().get(kind) + ")"));
      }
      report.put("errors", Map.of("counts", errors.counts(), "examples", errors.examples()));
      double seconds = (System.nanoTime() - started) / 1e9;
      report.put("runSeconds", seconds);
      report.note(String.format(Locale.ROOT, "Whole run: %.0f s; node log: %s", seconds,
          node == null ? "—" : out.relativize(node.log())));
      Path md = out.resolve(database + "-" + settings.mode() + ".md");
      report.write(md, out.resolve(database + "-" + settings.mode() + ".json"));
      log("report written to " + md + " (" + String.format(Locale.ROOT, "%.0f s", seconds) + ")");
      System.out.println(report.markdown());
    }
    return report;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void freshDatabase() {
    FileSystemUtils.deleteRecursively(work.toFile());
    if (database.equals("postgresql")) {
      postgresUrl = PostgresTestDatabase.recreate(settings.postgresDatabase());
    }
  }

  private BenchmarkNode startNode(String phase) {
    Map<String, String> environment = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    if (database.equals("postgresql")) {
      environment.put("COMPLAINTS_DB_URL", postgresUrl);
      environment.put("COMPLAINTS_DB_USER", ExternalTool.postgresUser());
      environment.put("COMPLAINTS_DB_PASSWORD", ExternalTool.postgresPassword());
      args.add("--spring.profiles.active=postgres");
    }
    args.addAll(settings.nodeArgs());
    String name = "bench-" + database + "-" + phase;
    BenchmarkNode started = BenchmarkNode.start(name, work, out.resolve(name + ".log"), settings.heap(), environment, args);
    node = started;
    http = started.http();
    return started.awaitReady();
  }

  private void startup() {
    log("starting the packaged jar on an empty database");
    startNode("1");
    log(String.format(Locale.ROOT, "HTTP answers after %.1f s, ready for work after %.1f s", node.httpSeconds(),
        node.readySeconds()));
    Map<String, Object> startup = new LinkedHashMap<>();
    startup.put("emptyDatabase", Map.of("httpAnswersSeconds", node.httpSeconds(), "readySeconds", node.readySeconds()));
    report.put("startup", startup);
    report.row("HTTP-ready: process start → users can log in, filters exist; first start on an empty database",
        Report.num(node.readySeconds(), 1) + " s", "—", "—", "< 15 s",
        Report.yesNo(node.readySeconds() < READY_TARGET_SECONDS));
  }

  private void deployBareProcess() {
    BenchHttp.Reply deployed = http.deploy(ADMIN, BARE_KEY, BARE_KEY + ".bpmn", BARE_BPMN);
    if (deployed.status() != 200) {
      throw new IllegalStateException("bare process not deployed: " + deployed.problem());
    }
  }

  private void warmUp() {
    log("warm-up (" + settings.warmUp().toSeconds() + " s per operation, not measured)");
    logWindow(LoadWindow.run("warm-bare", 4, settings.warmUp(), Integer.MAX_VALUE, otherSequence, this::startBare));
    logWindow(LoadWindow.run("warm-intake", 4, settings.warmUp(), Integer.MAX_VALUE, intakeSequence, this::intake));
    Queue<String> bare = new ConcurrentLinkedQueue<>(openTaskIds(BARE_KEY, "UserTask_Bare"));
    Queue<String> firstContacts = new ConcurrentLinkedQueue<>(openTaskIds("complaint-case", FIRST_CONTACT));
    int few = Math.max(2, Math.min(bare.size(), firstContacts.size()) / 4);
    logWindow(LoadWindow.run("warm-complete", 2, settings.warmUp(), few, otherSequence, s -> complete(bare, Map.of(), "bare")));
    logWindow(LoadWindow.run("warm-contact", 2, settings.warmUp(), few, otherSequence,
        s -> complete(firstContacts, firstContactVariables(), "first contact")));
  }

  private void intakeAgainstBareStart() {
    log("intake against bare start: " + settings.rounds() + " round(s) of " + settings.window().toSeconds() + " s windows");
    Map<String, List<LoadWindow.Result>> results = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (int clients : CLIENTS) {
        boolean bareFirst = round % 2 == 1;
        for (int i = 0; i < 2; i++) {
          boolean bare = (i == 0) == bareFirst;
          LoadWindow.Result result = bare
              ? LoadWindow.run("bare-start", clients, settings.window(), Integer.MAX_VALUE, otherSequence, this::startBare)
              : LoadWindow.run("intake", clients, settings.window(), Integer.MAX_VALUE, intakeSequence, this::intake);
          logWindow(result);
          results.computeIfAbsent(result.name() + "-" + clients, k -> new ArrayList<>()).add(result);
        }
      }
    }
    List<Object> json = new ArrayList<>();
    for (int clients : CLIENTS) {
      LoadWindow.Result app = LoadWindow.Result.combine(results.get("intake-" + clients));
      LoadWindow.Result bare = LoadWindow.Result.combine(results.get("bare-start-" + clients));
      json.add(comparison(clients, app, bare));
      String label = "Intake `POST /api/complaints` vs bare start, " + clients + " client" + (clients > 1 ? "s" : "");
      double ratio = app.ratePerSecond() / bare.ratePerSecond();
      report.row(label + ": rate", Report.num(app.ratePerSecond(), 1) + "/s", Report.num(bare.ratePerSecond(), 1) + "/s",
          Report.num(ratio, 2), "≥ 0.5× bare", Report.yesNo(ratio >= INTAKE_RATIO_TARGET));
      latencyRows(label, app, bare, clients == 4 ? INTAKE_P99_TARGET_MILLIS : Double.NaN);
    }
    report.put("intakeVsBareStart", json);
  }

  private void completionAgainstBareCompletion() {
    Queue<String> firstContacts = new ConcurrentLinkedQueue<>(openTaskIds("complaint-case", FIRST_CONTACT));
    Queue<String> bare = new ConcurrentLinkedQueue<>(openTaskIds(BARE_KEY, "UserTask_Bare"));
    int windows = settings.rounds() * CLIENTS.length;
    int appCap = Math.max(1, firstContacts.size() / windows);
    int bareCap = Math.max(1, bare.size() / windows);
    log("completion against bare completion: " + firstContacts.size() + " first contacts and " + bare.size()
        + " bare tasks open; at most " + appCap + " / " + bareCap + " per window");
    Map<String, Object> variables = firstContactVariables();
    Map<String, List<LoadWindow.Result>> results = new LinkedHashMap<>();
    for (int round = 1; round <= settings.rounds(); round++) {
      for (int clients : CLIENTS) {
        boolean bareFirst = round % 2 == 1;
        for (int i = 0; i < 2; i++) {
          boolean isBare = (i == 0) == bareFirst;
          LoadWindow.Result result = isBare
              ? LoadWindow.run("bare-complete", clients, settings.window(), bareCap, otherSequence,
                  s -> complete(bare, Map.of(), "bare"))
              : LoadWindow.run("first-contact", clients, settings.window(), appCap, otherSequence,
                  s -> complete(firstContacts, variables, "first contact"));
          logWindow(result);
          results.computeIfAbsent(result.name() + "-" + clients, k -> new ArrayList<>()).add(result);
        }
      }
    }
    List<Object> json = new ArrayList<>();
    for (int clients : CLIENTS) {
      LoadWindow.Result app = LoadWindow.Result.combine(results.get("first-contact-" + clients));
      LoadWindow.Result bareResult = LoadWindow.Result.combine(results.get("bare-complete-" + clients));
      json.add(comparison(clients, app, bareResult));
      String label = "Complete first contact (claim + complete as cs-agent1) vs bare task, " + clients + " client"
          + (clients > 1 ? "s" : "");
      double ratio = app.ratePerSecond() / bareResult.ratePerSecond();
      report.row(label + ": rate", Report.num(app.ratePerSecond(), 1) + "/s", Report.num(bareResult.ratePerSecond(), 1) + "/s",
          Report.num(ratio, 2), "≥ 0.8× bare", Report.yesNo(ratio >= COMPLETION_RATIO_TARGET));
      latencyRows(label, app, bareResult, Double.NaN);
    }
    report.put("completionVsBare", json);
  }

  /** Bare instances would show up in the agents' "내 그룹 작업": they go before the open cases are counted. */
  private void deleteBareInstances() {
    Queue<String> instances = new ConcurrentLinkedQueue<>();
    for (JsonNode instance : EngineRestPages.all(http, "/engine-rest/process-instance?processDefinitionKey=" + BARE_KEY
        + "&sortBy=instanceId&sortOrder=asc")) {
      instances.add(instance.get("id").asText());
    }
    int total = instances.size();
    LoadWindow.Result deleted = LoadWindow.run("delete-bare", 4, Duration.ofHours(1), total, otherSequence, s -> {
      String id = instances.poll();
      if (id == null) {
        return LoadWindow.Outcome.NO_WORK;
      }
      BenchHttp.Reply reply = http.delete(ADMIN, "/engine-rest/process-instance/" + id + "?skipCustomListeners=true");
      if (reply.status() != 204) {
        errors.add("DELETE /engine-rest/process-instance/{id} (bare)", reply);
        return LoadWindow.Outcome.FAILED;
      }
      return LoadWindow.Outcome.DONE;
    });
    log(String.format(Locale.ROOT, "deleted %d open bare instances in %.1f s", deleted.done(), deleted.seconds()));
  }

  private void generateOpenCases() {
    long open = openCases();
    long missing = Math.max(0, openCasesWanted - open);
    log(String.format(Locale.ROOT, "generating %,d open cases through the intake (%d clients, at most %d min); %,d open now",
        missing, settings.generationClients(), settings.generationLimit().toMinutes(), open));
    LoadWindow.Result generated = generate(missing, settings.generationLimit());
    long reached = openCases();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", "POST /api/complaints as channel-integration1, " + settings.generationClients() + " clients in parallel, the intake mix");
    json.put("openBefore", open);
    json.put("wanted", openCasesWanted);
    json.put("generated", generated.done());
    json.put("failed", generated.failed());
    json.put("seconds", generated.seconds());
    json.put("perSecond", generated.ratePerSecond());
    json.put("p50Ms", generated.latencies().percentileMillis(50));
    json.put("p99Ms", generated.latencies().percentileMillis(99));
    json.put("openCases", reached);
    json.put("limitReached", reached < openCasesWanted);
    report.put("generation", json);
    report.put("openCases", reached);
    log(String.format(Locale.ROOT, "%,d open cases (%,d generated in %.0f s, %.1f/s)", reached, generated.done(),
        generated.seconds(), generated.ratePerSecond()));
    report.row(String.format(Locale.ROOT, "Generate open cases through the intake (%d clients)", settings.generationClients()),
        String.format(Locale.ROOT, "%,d in %.0f s (%.1f/s, p50 %s, p99 %s)", generated.done(), generated.seconds(),
            generated.ratePerSecond(), Report.ms(generated.latencies().percentileMillis(50)),
            Report.ms(generated.latencies().percentileMillis(99))),
        "—", "—", "—", "—");
    report.row("Open cases N when the filters, heap and timers are measured", String.format(Locale.ROOT, "%,d", reached), "—", "—",
        String.format(Locale.ROOT, "%,d", openCasesWanted),
        reached >= openCasesWanted ? "yes" : "**no** (generation limit of " + settings.generationLimit().toMinutes() + " min)");
    if (reached < openCasesWanted && settings.smoke()) {
      report.fail("only " + reached + " of " + openCasesWanted + " open cases generated");
    }
  }

  private LoadWindow.Result generate(long cases, Duration limit) {
    AtomicInteger done = new AtomicInteger();
    long every = Math.max(100, Math.min(5_000, cases / 10));
    long started = System.nanoTime();
    return LoadWindow.run("generate", settings.generationClients(), limit, (int) Math.min(Integer.MAX_VALUE, cases),
        intakeSequence, sequence -> {
          LoadWindow.Outcome outcome = intake(sequence);
          if (outcome == LoadWindow.Outcome.DONE) {
            int n = done.incrementAndGet();
            if (n % every == 0) {
              double seconds = (System.nanoTime() - started) / 1e9;
              log(String.format(Locale.ROOT, "  %,d of %,d generated, %.0f s, %.1f/s", n, cases, seconds, n / seconds));
            }
          }
          return outcome;
        });
  }

  /**
   * Waits until the job executor has worked off the jobs that are due (each intake leaves an
   * asynchronous acknowledgement), so that the filters and the storm are measured on a quiet node.
   * How long that took is reported: it is the job executor's backlog after the load.
   */
  private void settleJobs(String when) {
    long backlog = EngineRestPages.count(http, "/engine-rest/job/count?executable=true");
    long started = System.nanoTime();
    AtomicLong left = new AtomicLong(backlog);
    try {
      await("due jobs worked off " + when).atMost(settings.timerWait()).pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            left.set(EngineRestPages.count(http, "/engine-rest/job/count?executable=true"));
            return left.get() == 0;
          });
    } catch (ConditionTimeoutException e) {
      // Reported below with what is left.
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log(String.format(Locale.ROOT, "job backlog %s: %,d due jobs, %,d left after %.0f s", when, backlog, left.get(), seconds));
    report.put("jobBacklog " + when, Map.of( "dueJobs", backlog, "secondsToWorkOff", seconds, "left", left.get()));
    report.row("Due jobs left by the load (asynchronous acknowledgements) " + when + ", time to work them off",
        String.format(Locale.ROOT, "%,d jobs, %.0f s%s", backlog, seconds, left.get() > 0 ? " (" + left.get() + " left)" : ""),
        "—", "—", "—", "—");
  }

  private void databaseState(String key) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("openCases", openCases());
    state.put("openTasks", EngineRestPages.count(http, "/engine-rest/task/count"));
    state.put("runningProcessInstances", EngineRestPages.count(http, "/engine-rest/process-instance/count"));
    state.put("jobs", EngineRestPages.count(http, "/engine-rest/job/count"));
    state.put("variableInstances", EngineRestPages.count(http, "/engine-rest/variable-instance/count"));
    state.put("authorizations", EngineRestPages.count(http, "/engine-rest/authorization/count"));
    state.put("authorizationsOnTasks", EngineRestPages.count(http, "/engine-rest/authorization/count?resourceType=7"));
    state.put("authorizationsOnProcessInstances", EngineRestPages.count(http, "/engine-rest/authorization/count?resourceType=8"));
    state.put("historicActivityInstances", EngineRestPages.count(http, "/engine-rest/history/activity-instance/count"));
    state.put("historicVariableInstances", EngineRestPages.count(http, "/engine-rest/history/variable-instance/count"));
    report.put("databaseState", Map.of(key, state));
    log("database state: " + state);
    report.note("Rows at N: " + state.entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", (Long) e.getValue())).reduce((a, b) -> a + ", " + b).orElse(""));
  }

  private void filters() {
    long open = openCases();
    log("Tasklist filters at " + open + " open cases: up to " + settings.filterCalls() + " calls each, "
        + settings.filterBudget().toSeconds() + " s budget per operation");
    List<FilterProbe.Measured> measured = new FilterProbe(http, errors).measure(settings.filterCalls(), settings.filterBudget());
    List<Object> json = new ArrayList<>();
    int met = 0;
    double slowest = 0;
    String slowestName = "—";
    for (FilterProbe.Measured filter : measured) {
      json.add(filter.json());
      met += filter.met() ? 1 : 0;
      double p95 = Math.max(filter.count().percentileMillis(95), filter.list().percentileMillis(95));
      if (p95 > slowest) {
        slowest = p95;
        slowestName = filter.name();
      }
      report.filterRow(new Report.FilterRow(filter.name(), filter.user(), String.format(Locale.ROOT, "%,d", filter.tasks()),
          Report.ms(filter.count().percentileMillis(50)) + " / " + Report.ms(filter.count().percentileMillis(95)),
          Report.ms(filter.list().percentileMillis(50)) + " / " + Report.ms(filter.list().percentileMillis(95)),
          filter.count().count() + " + " + filter.list().count()
              + (filter.timeouts() > 0 ? " (" + filter.timeouts() + " timed out after " + BenchHttp.REQUEST_TIMEOUT.toMinutes()
                  + " min: the time shown is a lower bound)" : ""),
          Report.yesNo(filter.met())));
    }
    report.put("filters", json);
    report.row(String.format(Locale.ROOT, "Tasklist filters (count and first page) at %,d open cases: slowest p95", open),
        Report.ms(slowest) + " (" + slowestName + ")", "—", "—", "p95 < 100 ms, every filter",
        Report.yesNo(met == measured.size()) + " (" + met + " of " + measured.size() + ")");
  }

  private void heap() {
    double mib = node.heapUsedAfterGcMib();
    long open = openCases();
    log(String.format(Locale.ROOT, "heap used after GC: %.0f MiB at %,d open cases", mib, open));
    // What fills the heap: the largest classes of the live set, right after that collection.
    Path histogram = out.resolve(database + "-" + settings.mode() + "-heap-histogram.txt");
    try {
      Files.writeString(histogram, node.jcmd("GC.class_histogram").lines().limit(40)
          .reduce((a, b) -> a + "\n" + b).orElse("") + "\n", StandardCharsets.UTF_8);
      report.note("Largest classes on the heap at N: " + out.relativize(histogram));
    } catch (IOException | RuntimeException e) {
      report.note("No class histogram: " + e);
    }
    report.put("heap", Map.of("usedAfterGcMiB", mib, "openCases", open, "maxHeap", settings.heap()));
    report.row(String.format(Locale.ROOT, "Heap used after full GC, %,d open cases, after the load (-Xmx%s)", open, settings.heap()),
        Report.num(mib, 0) + " MiB", "—", "—", "< 512 MB at 100,000 open cases", heapMet(mib, open));
  }

  private static String heapMet(double mib, long open) {
    if (mib >= HEAP_TARGET_MIB) {
      return "**no**";
    }
    return open >= HEAP_TARGET_CASES ? "yes" : "not shown (N < 100,000)";
  }

  private void timerStorm() {
    TimerStorm storm = new TimerStorm(http, errors);
    Map<String, String> timers = storm.openTimers();
    if (timers.size() < settings.timers()) {
      int missing = settings.timers() - timers.size();
      log("only " + timers.size() + " first-response timers open: " + missing + " more cases through the intake");
      LoadWindow.Result extra = generate(missing, settings.generationLimit());
      report.note(String.format(Locale.ROOT, "For the timer storm, %,d more cases were submitted after the filters and heap "
          + "were measured (%.0f s).", extra.done(), extra.seconds()));
      timers = storm.openTimers();
      settleJobs("before the storm");
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    timers.entrySet().stream().limit(settings.timers()).forEach(e -> chosen.put(e.getKey(), e.getValue()));
    log("timer storm: " + chosen.size() + " first-response timers due at one instant");
    TimerStorm.Result result = storm.run(chosen, settings.timerWait());
    log(String.format(Locale.ROOT, "storm: %d of %d escalated, first %.1f s and last %.1f s after due, %d duplicates, "
            + "%d failed executions, %d jobs left", result.escalatedCases(), result.timers(), result.firstFiredSeconds(),
        result.lastFiredSeconds(), result.duplicateCases(), result.failedExecutions(), result.remaining()));
    report.put("timerStorm", result.json());
    String k = String.format(Locale.ROOT, "%,d", result.timers());
    report.row("SLA timer storm: " + k + " first-response timers due at one instant — escalated",
        String.format(Locale.ROOT, "%,d of %s", result.escalatedCases(), k), "—", "—", "all",
        Report.yesNo(result.missing() == 0 && result.remaining() == 0));
    boolean fullSize = result.timers() >= STORM_TARGET_TIMERS;
    report.row("… time from the due instant to the last escalation (first at " + Report.num(result.firstFiredSeconds(), 1)
            + " s; " + Report.num(result.firedPerSecond(), 1) + "/s)",
        Report.num(result.lastFiredSeconds(), 1) + " s" + (result.waitedOut() ? " (gave up waiting)" : ""), "—", "—",
        "10,000 within 60 s",
        !fullSize ? "not shown (K < 10,000)"
            : Report.yesNo(!result.waitedOut() && result.lastFiredSeconds() <= STORM_TARGET_SECONDS && result.missing() == 0));
    report.row("… cases escalated more than once", Integer.toString(result.duplicateCases()), "—", "—", "0",
        Report.yesNo(result.duplicateCases() == 0));
    report.row("… failed timer executions (retried by the engine)", Long.toString(result.failedExecutions()), "—", "—", "—", "—");
    if (result.missing() > 0 || result.remaining() > 0) {
      report.fail(result.missing() + " of " + result.timers() + " timers did not escalate their case within "
          + settings.timerWait().toSeconds() + " s (" + result.remaining() + " jobs left)");
    }
    if (result.duplicateCases() > 0) {
      report.fail(result.duplicateCases() + " cases escalated more than once");
    }
    if (result.marginSeconds() < 0) {
      report.note(String.format(Locale.ROOT, "Moving the due dates ended %.1f s after the due instant: the storm was not "
          + "simultaneous for the last timers moved.", -result.marginSeconds()));
    }
  }

  private void restart() {
    long open = openCases();
    log("restart with " + open + " open cases");
    node.close();
    startNode("2");
    double mib = node.heapUsedAfterGcMib();
    log(String.format(Locale.ROOT, "restarted: HTTP answers after %.1f s, ready after %.1f s; heap after GC %.0f MiB",
        node.httpSeconds(), node.readySeconds(), mib));
    @SuppressWarnings("unchecked")
    Map<String, Object> startup = (Map<String, Object>) report.json.get("startup");
    startup.put("restart", Map.of("openCases", open, "httpAnswersSeconds", node.httpSeconds(),
        "readySeconds", node.readySeconds(), "heapUsedAfterGcMiB", mib));
    report.row(String.format(Locale.ROOT, "HTTP-ready: restart with %,d open cases", open),
        Report.num(node.readySeconds(), 1) + " s", "—", "—", "< 15 s", Report.yesNo(node.readySeconds() < READY_TARGET_SECONDS));
    report.row(String.format(Locale.ROOT, "Heap used after full GC right after that restart (%,d open cases, idle)", open),
        Report.num(mib, 0) + " MiB", "—", "—", "< 512 MB at 100,000 open cases", heapMet(mib, open));
  }

  // --- operations -------------------------------------------------------------------------------------------------

  private LoadWindow.Outcome intake(long sequence) {
    BenchHttp.Reply reply = http.post(IntakeMix.CHANNEL_USER, "/api/complaints", IntakeMix.body(runTag, sequence));
    if (reply.status() != 201) {
      errors.add("POST /api/complaints", reply);
      return LoadWindow.Outcome.FAILED;
    }
    return LoadWindow.Outcome.DONE;
  }

  private LoadWindow.Outcome startBare(long sequence) {
    BenchHttp.Reply reply = http.post(ADMIN, "/engine-rest/process-definition/key/" + BARE_KEY + "/start", Map.of());
    if (reply.status() != 200) {
      errors.add("POST /engine-rest/process-definition/key/{key}/start", reply);
      return LoadWindow.Outcome.FAILED;
    }
    return LoadWindow.Outcome.DONE;
  }

  /** Claim and complete one task as an agent, as Tasklist does: one operation, two requests. */
  private LoadWindow.Outcome complete(Queue<String> tasks, Map<String, Object> variables, String what) {
    String taskId = tasks.poll();
    if (taskId == null) {
      return LoadWindow.Outcome.NO_WORK;
    }
    BenchHttp.Reply claim = http.post(AGENT, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", AGENT));
    if (claim.status() != 204) {
      errors.add("POST /engine-rest/task/{id}/claim (" + what + ")", claim);
      return LoadWindow.Outcome.FAILED;
    }
    BenchHttp.Reply complete = http.post(AGENT, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    if (complete.status() != 204) {
      errors.add("POST /engine-rest/task/{id}/complete (" + what + ")", complete);
      return LoadWindow.Outcome.FAILED;
    }
    return LoadWindow.Outcome.DONE;
  }

  /** What an agent fills in on the first-contact form: notes, the remedy wanted, no call-back promised, no visit. */
  static Map<String, Object> firstContactVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("contactNotes", Map.of("value", "고객과 통화해 사과하고 사실관계를 확인함"));
    variables.put("remedySought", Map.of("value", "EXCHANGE"));
    variables.put("callbackPromised", Map.of("value", false));
    variables.put("visitConsent", Map.of("value", false));
    return variables;
  }

  private List<String> openTaskIds(String processDefinitionKey, String taskDefinitionKey) {
    return EngineRestPages.all(http, "/engine-rest/task?processDefinitionKey=" + processDefinitionKey + "&taskDefinitionKey="
        + taskDefinitionKey + "&unassigned=true&sortBy=id&sortOrder=asc").stream().map(t -> t.get("id").asText()).toList();
  }

  private long openCases() {
    return EngineRestPages.count(http, "/engine-rest/process-instance/count?processDefinitionKey=complaint-case");
  }

  // --- report helpers -----------------------------------------------------------------------------------------------

  private void latencyRows(String label, LoadWindow.Result app, LoadWindow.Result bare, double p99Target) {
    for (int percentile : new int[] {50, 99}) {
      double a = app.latencies().percentileMillis(percentile);
      double b = bare.latencies().percentileMillis(percentile);
      boolean targeted = percentile == 99 && !Double.isNaN(p99Target);
      report.row(label + ": p" + percentile, Report.ms(a), Report.ms(b), Report.num(a / b, 1) + "× the time",
          targeted ? "< 100 ms" : "—", targeted ? Report.yesNo(a < p99Target) : "—");
    }
  }

  private static Map<String, Object> comparison(int clients, LoadWindow.Result app, LoadWindow.Result bare) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("clients", clients);
    json.put("application", figures(app));
    json.put("bare", figures(bare));
    json.put("rateRatio", app.ratePerSecond() / bare.ratePerSecond());
    return json;
  }

  private static Map<String, Object> figures(LoadWindow.Result result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("operations", result.done());
    json.put("failed", result.failed());
    json.put("seconds", result.seconds());
    json.put("perSecond", result.ratePerSecond());
    json.put("p50Ms", result.latencies().percentileMillis(50));
    json.put("p99Ms", result.latencies().percentileMillis(99));
    json.put("maxMs", result.latencies().maxMillis());
    return json;
  }

  private void logWindow(LoadWindow.Result result) {
    log(String.format(Locale.ROOT, "  %-14s %d client(s): %,6d ok, %d failed in %5.1f s = %7.1f/s, p50 %s, p99 %s",
        result.name(), result.clients(), result.done(), result.failed(), result.seconds(), result.ratePerSecond(),
        Report.ms(result.latencies().percentileMillis(50)), Report.ms(result.latencies().percentileMillis(99))));
  }

  private void log(String message) {
    System.out.printf("[benchmark %s %s] %s%n", database, LocalTime.now().truncatedTo(ChronoUnit.SECONDS), message);
  }

  // --- machine ------------------------------------------------------------------------------------------------------

  private Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    machine.put("commit", command("git", "describe", "--always", "--dirty"));
    machine.put("cpus (nproc)", Runtime.getRuntime().availableProcessors());
    machine.put("memory", memory());
    machine.put("load average at start", loadAverage());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("node JVM", "-Xmx" + settings.heap() + " " + String.join(" ", settings.nodeArgs()));
    machine.put("database", databaseVersion());
    return machine;
  }

  private String databaseVersion() {
    if (database.equals("h2")) {
      return "H2 " + bundled("h2-") + " embedded, file ./data/complaint-desk (shipped URL, fresh working directory)";
    }
    try (Connection connection = DriverManager.getConnection(postgresUrl, ExternalTool.postgresUser(), ExternalTool.postgresPassword());
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version")) {
      version.next();
      return "PostgreSQL " + version.getString(1) + " on the same machine (loopback), fresh database "
          + settings.postgresDatabase() + "; JDBC driver " + bundled("postgresql-");
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL version", e);
    }
  }

  /** The version of a library inside the packaged jar, from its file name. */
  private static String bundled(String prefix) {
    try (JarFile jar = new JarFile(ApplicationNode.packagedJar().toFile())) {
      return jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("BOOT-INF/lib/" + prefix))
          .map(n -> n.substring(("BOOT-INF/lib/" + prefix).length()).replace(".jar", "")).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the figure is left out.
    }
    return "?";
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)";
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String command(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "?";
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
