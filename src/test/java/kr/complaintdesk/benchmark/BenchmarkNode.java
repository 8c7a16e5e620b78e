package kr.complaintdesk.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.complaintdesk.support.ApplicationNode;
import kr.complaintdesk.platform.tasklist.TasklistFilters;

/**
 * The packaged jar as an operator starts it: {@code java -jar} in a working directory of its own (where
 * the shipped H2 URL {@code ./data/...} points), on loopback only, with the JDK that runs the benchmark.
 * Knows how long it took to answer HTTP and to be ready for work, and reads its heap with {@code jcmd}.
 */
final class BenchmarkNode implements AutoCloseable {

  /** The demo user the start-up setup creates last; the Tasklist filters follow it. */
  static final String LAST_DEMO_USER = IntakeMix.CHANNEL_USER;
  private static final Duration START_LIMIT = Duration.ofMinutes(5);
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final long startedNanos;
  private double httpSeconds = Double.NaN;
  private double readySeconds = Double.NaN;

  private BenchmarkNode(String name, int port, Process process, Path log, long startedNanos) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.startedNanos = startedNanos;
  }

  static BenchmarkNode start(String name, Path workingDirectory, Path log, String heap, Map<String, String> environment,
      List<String> extraArgs) {
    int port = ApplicationNode.freePort();
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + heap, "-jar",
        ApplicationNode.packagedJar().toAbsolutePath().toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--camunda.bpm.generic-properties.properties.hostname=" + name));
    command.addAll(extraArgs);
    try {
      Files.createDirectories(workingDirectory);
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      long started = System.nanoTime();
      return new BenchmarkNode(name, port, builder.start(), log.toAbsolutePath(), started);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start node " + name, e);
    }
  }

  BenchHttp http() {
    return new BenchHttp("http://127.0.0.1:" + port);
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /**
   * Polls every 50 ms until the web server answers at all ({@link #httpSeconds()}) and until the node is
   * ready for work ({@link #readySeconds()}): the start-up setup, which runs after the web server is up,
   * has created the demo users (the channel account last) and every Tasklist filter.
   */
  BenchmarkNode awaitReady() {
    BenchHttp http = http();
    long filters = Arrays.stream(TasklistFilters.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).count();
    await("node " + name + " ready").atMost(START_LIMIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited; see " + log);
          }
          BenchHttp.Reply reply = http.get(LAST_DEMO_USER, "/engine-rest/engine");
          double seconds = (System.nanoTime() - startedNanos) / 1e9;
          if (reply.status() > 0 && Double.isNaN(httpSeconds)) {
            httpSeconds = seconds;
          }
          if (reply.status() != 200) {
            return false;
          }
          BenchHttp.Reply count = http.get(EngineRestPages.ADMIN, "/engine-rest/filter/count");
          if (count.status() == 200 && count.json().get("count").asLong() >= filters) {
            readySeconds = (System.nanoTime() - startedNanos) / 1e9;
            return true;
          }
          return false;
        });
    return this;
  }

  /** From the process start to the first HTTP answer of any status. */
  double httpSeconds() {
    return httpSeconds;
  }

  /** From the process start until the demo users can log in and the Tasklist filters exist: ready for work. */
  double readySeconds() {
    return readySeconds;
  }

  /** Heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}), in MiB. */
  double heapUsedAfterGcMib() {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher matcher = HEAP_USED.matcher(info);
    if (!matcher.find()) {
      throw new IllegalStateException("no heap figure in jcmd GC.heap_info: " + info);
    }
    return Long.parseLong(matcher.group(2)) / 1024.0;
  }

  String jcmd(String what) {
    Path jcmd = Path.of(javaCommand()).resolveSibling("jcmd");
    try {
      Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), what).redirectErrorStream(true).start();
      String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + what + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("jcmd " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM and wait, as an operator stops it; SIGKILL if it is still there after a minute. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
