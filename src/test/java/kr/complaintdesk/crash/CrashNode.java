package kr.complaintdesk.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.complaintdesk.support.ApplicationNode;

/**
 * One run of the packaged jar as an operator starts it: {@code java -jar} in a working directory of its
 * own (where the default H2 URL {@code ./data/...} points), listening on loopback only, with its log in
 * {@code target/crash-nodes/<name>.log}. It can be killed with SIGKILL, as a power cut or the OOM killer would.
 */
final class CrashNode {

  /** The exit status of a JVM ended by SIGKILL (128 + 9). */
  static final int KILLED_BY_SIGKILL = 137;

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private CrashNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static CrashNode start(String name, Path workingDirectory, Map<String, String> environment, List<String> extraArgs) {
    int port = ApplicationNode.freePort();
    Path log = Path.of("target", "crash-nodes", name + ".log").toAbsolutePath();
    try {
      Files.createDirectories(log.getParent());
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", ApplicationNode.packagedJar().toAbsolutePath().toString(),
          "--server.port=" + port,
          "--server.address=127.0.0.1",
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--camunda.bpm.job-execution.max-wait=1000"));
      command.addAll(extraArgs);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new CrashNode(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start node " + name, e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  CrashClient client() {
    return new CrashClient("http://127.0.0.1:" + port);
  }

  /**
   * Waits until the models are deployed (the log line of ModelDeployer) and each of {@code users} can
   * log in: the demo users are created after the web server is already up.
   */
  CrashNode awaitReady(String... users) {
    CrashClient client = client();
    await("node " + name + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited; see " + log);
          }
          return Files.readString(log).contains("Deployment 'complaint-desk'")
              && Arrays.stream(users).allMatch(user -> client.get(user, "/engine-rest/engine").status() == 200);
        });
    return this;
  }

  /**
   * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no pool close, no flush.
   * Returns the moment the process was gone, after checking that it is gone and died of the signal.
   */
  Instant killHard() {
    long pid = process.pid();
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + name + " (pid " + pid + ") survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Instant gone = Instant.now();
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      throw new IllegalStateException("node " + name + " (pid " + pid + ") is still alive after SIGKILL");
    }
    if (process.exitValue() != KILLED_BY_SIGKILL) {
      throw new IllegalStateException("node " + name + " ended with " + process.exitValue() + ", not by SIGKILL");
    }
    return gone;
  }

  /** Ends a node left over by a failed test; SIGKILL is enough, its database is thrown away. */
  void destroy() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
