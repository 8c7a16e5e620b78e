package kr.complaintdesk.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measures, from system properties ({@code -Dbenchmark.*} on the Maven command line).
 * The full run's defaults are the sizes of issue 11; {@code benchmark.mode=smoke} shrinks everything to
 * a run of well under two minutes per database that fails on errors and never on timing.
 */
record BenchmarkSettings(
    List<String> databases,
    boolean smoke,
    Integer openCases,
    int timers,
    Duration window,
    int rounds,
    Duration warmUp,
    int filterCalls,
    Duration filterBudget,
    int generationClients,
    Duration generationLimit,
    Duration timerWait,
    String heap,
    List<String> nodeArgs,
    boolean restart,
    String postgresDatabase) {

  static final String PREFIX = "benchmark.";

  static BenchmarkSettings fromSystemProperties() {
    boolean smoke = "smoke".equalsIgnoreCase(property("mode", "full"));
    List<String> databases = Arrays.stream(property("db", "h2").split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .map(s -> s.equals("postgres") || s.equals("pg") ? "postgresql" : s).toList();
    for (String database : databases) {
      if (!database.equals("h2") && !database.equals("postgresql")) {
        throw new IllegalArgumentException("benchmark.db: h2, postgresql or both (h2,postgresql), not " + database);
      }
    }
    String n = property("openCases", "");
    return new BenchmarkSettings(
        databases,
        smoke,
        n.isBlank() ? null : Integer.valueOf(n),
        Integer.parseInt(property("timers", smoke ? "25" : "10000")),
        Duration.ofSeconds(Long.parseLong(property("windowSeconds", smoke ? "2" : "20"))),
        Integer.parseInt(property("rounds", smoke ? "1" : "2")),
        Duration.ofSeconds(Long.parseLong(property("warmUpSeconds", smoke ? "1" : "10"))),
        Integer.parseInt(property("filterCalls", smoke ? "3" : "20")),
        Duration.ofSeconds(Long.parseLong(property("filterBudgetSeconds", smoke ? "10" : "30"))),
        Integer.parseInt(property("generationClients", "6")),
        Duration.ofMinutes(Long.parseLong(property("generationMinutes", smoke ? "1" : "40"))),
        Duration.ofSeconds(Long.parseLong(property("timerWaitSeconds", smoke ? "75" : "600"))),
        property("heap", "2g"),
        // Both modes run the node as shipped (its job executor looks for due jobs every 5 s at the latest).
        Arrays.stream(property("nodeArgs", "").split("\\s+"))
            .filter(s -> !s.isBlank()).toList(),
        Boolean.parseBoolean(property("restart", smoke ? "false" : "true")),
        property("postgresDatabase", "complaints_benchmark"));
  }

  /** N: open cases at which the filters and the heap are measured. */
  int openCasesFor(String database) {
    if (openCases != null) {
      return openCases;
    }
    if (smoke) {
      return 60;
    }
    return database.equals("postgresql") ? 100_000 : 10_000;
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("databases", databases);
    json.put("mode", mode());
    json.put("openCases", openCases);
    json.put("timers", timers);
    json.put("windowSeconds", window.toSeconds());
    json.put("rounds", rounds);
    json.put("warmUpSeconds", warmUp.toSeconds());
    json.put("filterCalls", filterCalls);
    json.put("filterBudgetSeconds", filterBudget.toSeconds());
    json.put("generationClients", generationClients);
    json.put("generationMinutes", generationLimit.toMinutes());
    json.put("timerWaitSeconds", timerWait.toSeconds());
    json.put("heap", heap);
    json.put("nodeArgs", nodeArgs);
    json.put("restart", restart);
    json.put("postgresDatabase", postgresDatabase);
    return json;
  }

  String mode() {
    return smoke ? "smoke" : "full";
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(PREFIX + name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
