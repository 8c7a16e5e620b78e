package kr.complaintdesk.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application node in its own JVM, started from the packaged jar exactly as an operator would,
 * with its log in {@code target/nodes/<name>.log}.
 */
public final class ApplicationNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ApplicationNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  public static ApplicationNode start(String name, Map<String, String> environment, String... extraArgs) {
    Path jar = packagedJar();
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log");
    try {
      Files.createDirectories(log.getParent());
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
          "--server.port=" + port,
          "--spring.profiles.active=postgres",
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--camunda.bpm.job-execution.max-wait=1000"));
      command.addAll(List.of(extraArgs));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new ApplicationNode(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start node " + name, e);
    }
  }

  public EngineRestClient rest() {
    return new EngineRestClient("http://localhost:" + port);
  }

  public ApplicationNode awaitReady() {
    await("node " + name + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("node " + name + " exited; see " + log.toAbsolutePath());
          }
          // The demo users are created after the web server is up: wait until one of them can log in too.
          return rest().get("admin", "/engine").status() == 200 && logText().contains("Deployment 'complaint-desk'")
              && rest().get("cs-agent1", "/engine").status() == 200;
        });
    return this;
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The jar `./mvnw verify` packaged before the integration tests. */
  public static Path packagedJar() {
    File[] jars = new File("target").listFiles((dir, file) -> file.startsWith("complaint-desk-") && file.endsWith(".jar"));
    if (jars == null || jars.length != 1) {
      throw new IllegalStateException("Run through `./mvnw verify`: the packaged jar is needed in target/");
    }
    return jars[0].toPath();
  }

  /** A port nothing listens on now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
