package kr.complaintdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 11: the packaged jar against the bare engine in the same application, on H2
 * and on PostgreSQL. Not part of {@code ./mvnw verify}; run it with the {@code benchmark} profile:
 *
 * <pre>
 * ./mvnw -Pbenchmark verify -Dbenchmark.db=h2                              # full run, N = 10,000
 * ./mvnw -Pbenchmark verify -Dbenchmark.db=postgresql                      # full run, N = 100,000
 * ./mvnw -Pbenchmark verify -Dbenchmark.db=h2,postgresql -Dbenchmark.mode=smoke
 * </pre>
 *
 * Reports land in {@code target/benchmark/<db>-<mode>.md} and {@code .json}. The run fails on errors
 * (an answer that is not the expected 2xx, a timer that does not fire, a case escalated twice), never on
 * timing. Parameters and what each figure means: docs/performance.md.
 */
class DeskBenchmark {

  @Test
  void measuresTheDeskAgainstTheBareEngine() {
    BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
    List<String> failures = new ArrayList<>();
    for (String database : settings.databases()) {
      Report report = new BenchmarkRun(settings, database).execute();
      report.failures().forEach(failure -> failures.add(database + ": " + failure));
    }
    assertThat(failures).as("errors during the benchmark (timings never fail it); reports in target/benchmark/").isEmpty();
  }
}
