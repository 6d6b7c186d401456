package org.scalingcoach.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalingcoach.slack.SlackRequests;

/**
 * The coach as a child process ({@code serve} on the benchmark's own classpath, a fresh data
 * folder, the shipped knowledge), so a benchmark measures it as it runs in production and apart
 * from the load client.
 */
final class CoachProcess implements AutoCloseable {
  /**
   * The JVM flags the coach ships with (the Dockerfile's {@code JAVA_TOOL_OPTIONS}, the README's
   * run command): its live heap after the benchmark's load is a few tens of MB, and a bigger G1
   * heap on two cores only turned into resident memory.
   */
  static final List<String> SHIPPED_JVM_FLAGS =
      List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");

  private final Process process;
  private final int port;
  private final long startedNanos;
  private final long healthyNanos;

  /** The running coach, to read its processor time. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  private CoachProcess(Process process, int port, long startedNanos, long healthyNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
    this.healthyNanos = healthyNanos;
  }

  /**
   * Starts {@code serve} on the data folder {@code data} with Slack over HTTP and {@code env} on
   * top, and waits until it is healthy.
   */
  static CoachProcess start(Path work, Path data, Map<String, String> env) throws Exception {
    String jar = System.getProperty("bench.coach.jar");
    if (jar != null) {
      // -Dbench.coach.jar=target/scaling-coach.jar runs the packaged jar as the README and the
      // Docker image do, with the class-data-sharing archive the build records beside it.
      return start(work, data, env, shipped(Path.of(jar)), "coach");
    }
    String classes = System.getProperty("bench.coach.classes");
    if (classes != null) {
      // -Dbench.coach.classes=DIR runs the coach itself from another build's classes: runs of one
      // coach each, for builds, as -Dbench.coach.jvm is for flags.
      return start(work, data, env, fromClasses(swapped(Path.of(classes))), "coach");
    }
    return start(work, data, env, fromClasses(classpath()), "coach");
  }

  /** How the JVM is told what to run: a class path and the main class. */
  private static List<String> fromClasses(String classpath) {
    return List.of("-cp", classpath, "org.scalingcoach.Main");
  }

  /** The packaged jar, with its {@code .jsa} archive when the build recorded one. */
  private static List<String> shipped(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is not built: run mvn -DskipTests package first");
    }
    Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
    List<String> launch = new ArrayList<>();
    if (Files.isRegularFile(archive)) {
      launch.add("-XX:SharedArchiveFile=" + archive);
    } else {
      System.out.println("no class-data-sharing archive at " + archive + ": starting without one");
    }
    launch.addAll(List.of("-jar", jar.toString()));
    return launch;
  }

  /**
   * The same from another build's classes ({@code classes} in place of this build's {@code
   * target/classes}, the same libraries), logging to {@code work/NAME.log}: the baseline of an A/B
   * run.
   */
  static CoachProcess start(Path work, Path data, Map<String, String> env, Path classes)
      throws Exception {
    return start(work, data, env, fromClasses(swapped(classes)), "baseline");
  }

  /** This build's class path with {@code classes} in place of its {@code target/classes}. */
  private static String swapped(Path classes) {
    String ours = Path.of("target", "classes").toAbsolutePath().toString();
    List<String> entries = new ArrayList<>();
    for (String entry : classpath().split(java.io.File.pathSeparator)) {
      entries.add(
          Path.of(entry).toAbsolutePath().toString().equals(ours) ? classes.toString() : entry);
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static CoachProcess start(
      Path work, Path data, Map<String, String> env, List<String> launch, String name)
      throws Exception {
    int port = BoltJsSideBySide.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String baselineFlags = System.getProperty("bench.baseline.jvm");
    String coachFlags = System.getProperty("bench.coach.jvm");
    if (baselineFlags != null && name.equals("baseline")) {
      // -Dbench.baseline.jvm="-Xmx512m" starts the baseline with other JVM flags: an A/B of flags.
      command.addAll(List.of(baselineFlags.trim().split("\\s+")));
    } else if (coachFlags != null && name.equals("coach")) {
      // -Dbench.coach.jvm="…" starts the coach itself with other flags, for runs of one app each.
      command.addAll(List.of(coachFlags.trim().split("\\s+")));
    } else {
      command.addAll(SHIPPED_JVM_FLAGS);
    }
    String recording = System.getProperty("bench.jfr");
    if (recording != null && name.equals("coach")) {
      // -Dbench.jfr=FILE records the coach with Java Flight Recorder, for profiling.
      // -Dbench.jfr.settings=FILE.jfc samples more often than the built-in "profile" settings.
      String settings = System.getProperty("bench.jfr.settings", "profile");
      command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings);
    }
    command.addAll(launch);
    command.add("serve");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(work.resolve(name + ".log").toFile())
            .redirectErrorStream(true);
    builder.environment().put("COACH_DATA_DIR", data.toString());
    builder.environment().put("COACH_KNOWLEDGE_DIR", "knowledge");
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("SLACK_BOT_TOKEN", "xoxb-bench");
    builder.environment().put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
    builder.environment().put("COACH_LOG_LEVEL", "WARN");
    builder.environment().putAll(env);
    String extra = System.getProperty("bench.coach.env");
    if (extra != null && name.equals("coach")) {
      // -Dbench.coach.env=COACH_DELIVERY_SLOTS=0,… sets the coach's settings for a run.
      for (String pair : extra.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          builder.environment().put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
    }
    long started = System.nanoTime();
    Process process = builder.start();
    HttpClient http = HttpClient.newHttpClient();
    URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
    // A first start embeds the whole knowledge base: minutes on two busy cores.
    long deadline = started + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the coach exited with " + process.exitValue() + "; see " + work.resolve("coach.log"));
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return new CoachProcess(process, port, started, System.nanoTime());
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the coach was not healthy within 300 s");
  }

  int port() {
    return port;
  }

  URI slackUri() {
    return URI.create("http://127.0.0.1:" + port + "/slack/events");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  long startedNanos() {
    return startedNanos;
  }

  double healthyAfterMillis() {
    return (healthyNanos - startedNanos) / 1e6;
  }

  /** Resident memory of the process from {@code /proc}, or -1 where that is not available. */
  long rssMegabytes() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  /** The classpath this benchmark runs with, also under {@code exec:java}'s own class loader. */
  static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (java.net.URL url : loader.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return String.join(java.io.File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }
}
