package org.scalingcoach.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder where the embedding runtime (DJL) unpacks its native tokenizer library. DJL reports a
 * folder it cannot write as 60 lines ending in "Unexpected flavor: cpu"; checking it first gives
 * one line that names the setting.
 */
public final class CacheFolder {
  private CacheFolder() {}

  /**
   * The folder DJL will use: {@code DJL_CACHE_DIR} as a system property or variable, else
   * ~/.djl.ai.
   */
  static Path djl(Map<String, String> env) {
    String configured = System.getProperty("DJL_CACHE_DIR", env.get("DJL_CACHE_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.strip());
    }
    return Path.of(System.getProperty("user.home"), ".djl.ai");
  }

  /** Creates the DJL cache folder if needed, or says in one line why it cannot be used. */
  public static void requireDjlWritable(Map<String, String> env) {
    Path folder = djl(env);
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (AccessDeniedException e) {
      throw new SetupException(
          "DJL_CACHE_DIR="
              + folder
              + " is not writable by this user: the embedding runtime unpacks its library there."
              + " Give the user the folder (Docker: a named volume, or chown -R 10001:10001 on the"
              + " host folder) or set DJL_CACHE_DIR to a folder it can write",
          e);
    } catch (IOException e) {
      throw new SetupException(
          "DJL_CACHE_DIR="
              + folder
              + " cannot be used ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "): set DJL_CACHE_DIR to a folder the coach can write",
          e);
    }
  }
}
