package kr.complaintdesk.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every answer that was not what the step expected (a non-2xx where a 2xx was due, no answer, a timeout,
 * a wrong number of tasks), counted per step and kind, with the first example of each. Any entry fails
 * the benchmark after the report is written: a figure measured over errors is not a figure.
 */
final class Errors {

  private final Map<String, Integer> counts = new TreeMap<>();
  private final Map<String, String> examples = new LinkedHashMap<>();

  synchronized void add(String step, String problem) {
    String kind = step + " — " + kindOf(problem);
    counts.merge(kind, 1, Integer::sum);
    examples.putIfAbsent(kind, problem);
  }

  synchronized void add(String step, BenchHttp.Reply reply) {
    add(step, reply.problem());
  }

  synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized Map<String, Integer> counts() {
    return new TreeMap<>(counts);
  }

  synchronized Map<String, String> examples() {
    return new LinkedHashMap<>(examples);
  }

  private static String kindOf(String problem) {
    int colon = problem.indexOf(':');
    return colon < 0 ? problem : problem.substring(0, colon);
  }
}
