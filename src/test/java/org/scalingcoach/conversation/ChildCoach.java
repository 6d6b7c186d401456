package org.scalingcoach.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@link CoachChild} process seen from the test: started, reached on its port, killed. */
public final class ChildCoach implements AutoCloseable {
  private final Process process;
  private final int port;

  private ChildCoach(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a child with {@code env} and waits until it listens. */
  public static ChildCoach start(Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CoachChild.class.getName())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(CoachChild.READY)) {
        return new ChildCoach(
            process, Integer.parseInt(line.substring(CoachChild.READY.length()).strip()));
      }
    }
    throw new IllegalStateException("the child coach exited before listening; see " + log);
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook, no flush, like a crash or an OOM kill. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
