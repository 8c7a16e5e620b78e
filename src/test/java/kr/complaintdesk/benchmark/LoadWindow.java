package kr.complaintdesk.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measurement: {@code clients} threads repeat an operation back to back (closed loop, no think time)
 * until the window ends, the operation runs out of work, or a cap of operations is reached.
 */
final class LoadWindow {

  /** What one call of the operation came to. */
  enum Outcome { DONE, FAILED, NO_WORK }

  @FunctionalInterface
  interface Operation {
    /** One operation; errors are recorded by the operation itself. */
    Outcome call(long sequence);
  }

  /** Successful operations, failed ones, and the time from the start to the end of the last one. */
  record Result(String name, int clients, int done, int failed, double seconds, Latencies latencies) {

    double ratePerSecond() {
      return seconds <= 0 ? Double.NaN : done / seconds;
    }

    static Result combine(List<Result> rounds) {
      Result first = rounds.get(0);
      int done = 0;
      int failed = 0;
      double seconds = 0;
      List<Latencies> latencies = new ArrayList<>();
      for (Result round : rounds) {
        done += round.done;
        failed += round.failed;
        seconds += round.seconds;
        latencies.add(round.latencies);
      }
      return new Result(first.name, first.clients, done, failed, seconds, Latencies.merge(latencies));
    }
  }

  private LoadWindow() {}

  static Result run(String name, int clients, Duration window, int maxOperations, AtomicLong sequence, Operation operation) {
    long started = System.nanoTime();
    long deadline = started + window.toNanos();
    AtomicLong issued = new AtomicLong();
    List<Latencies> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    long[] lastEnd = new long[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Latencies mine = new Latencies();
      int[] doneFailed = new int[2];
      latencies.add(mine);
      counts.add(doneFailed);
      int client = c;
      Thread thread = new Thread(() -> {
        lastEnd[client] = System.nanoTime();
        while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxOperations) {
          long before = System.nanoTime();
          Outcome outcome = operation.call(sequence.incrementAndGet());
          long after = System.nanoTime();
          if (outcome == Outcome.NO_WORK) {
            break;
          }
          lastEnd[client] = after;
          if (outcome == Outcome.DONE) {
            mine.add(after - before);
            doneFailed[0]++;
          } else {
            doneFailed[1]++;
          }
        }
      }, "bench-" + name + "-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        // Bounded: a request cannot outlast its timeout, so a thread ends at most that long after the window.
        thread.join(window.plus(BenchHttp.REQUEST_TIMEOUT).plusMinutes(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (thread.isAlive()) {
        throw new IllegalStateException(thread.getName() + " did not end");
      }
    }
    long end = started;
    for (long e : lastEnd) {
      end = Math.max(end, e);
    }
    int done = counts.stream().mapToInt(c -> c[0]).sum();
    int failed = counts.stream().mapToInt(c -> c[1]).sum();
    return new Result(name, clients, done, failed, (end - started) / 1e9, Latencies.merge(latencies));
  }
}
