package org.scalingcoach.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast this machine is today, so that figures from different days can be told apart from
 * changes in the code: a fixed single-thread workload timed before a benchmark starts, and the
 * share of processor time the hypervisor gave to other guests ("steal") while a round ran.
 */
final class MachineCheck {
  private static final int HASHED_MEGABYTES = 64;

  private MachineCheck() {}

  /**
   * Milliseconds one thread takes to hash 64 MB with SHA-256 (best of three): lower is faster.
   * Printed at the head of a benchmark, it tells a slower day from a slower build.
   */
  static double hashMillis() {
    byte[] block = new byte[1 << 20];
    double best = Double.MAX_VALUE;
    try {
      for (int run = 0; run < 3; run++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        for (int i = 0; i < HASHED_MEGABYTES; i++) {
          sha.update(block);
        }
        sha.digest();
        best = Math.min(best, (System.nanoTime() - start) / 1e6);
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    return best;
  }

  /** The machine's processor counters, to pass to {@link #stealSince}. */
  static long[] counters() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
      return new long[] {total, steal};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0}; // not Linux: no figure
    }
  }

  /** The percentage of processor time stolen by other guests since {@code before}. */
  static String stealSince(long[] before) {
    long[] now = counters();
    long total = now[0] - before[0];
    return total <= 0 ? "unknown" : String.format("%.0f%%", 100.0 * (now[1] - before[1]) / total);
  }
}
