package kr.complaintdesk.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency of one measurement, kept exactly (a run has at most some hundred thousand), with
 * nearest-rank percentiles. Not thread-safe: one per client thread, merged afterwards.
 */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  int count() {
    return size;
  }

  static Latencies merge(List<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.size; i++) {
        all.add(part.nanos[i]);
      }
    }
    return all;
  }

  /** The nearest-rank percentile in milliseconds, NaN without samples. */
  double percentileMillis(double percentile) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1_000_000.0;
  }

  double maxMillis() {
    return percentileMillis(100);
  }
}
