package org.scalingcoach.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the knowledge base or the prompt templates are read from: the folder a setting names, the
 * default folder when it exists in the working directory, or else the copy shipped in the jar.
 *
 * @param path the folder (inside the jar's file system for {@link Origin#SHIPPED})
 * @param origin how it was chosen
 * @param setting the environment variable that would name it, for messages
 */
public record ContentFolder(Path path, Origin origin, String setting) {

  /** How the folder was chosen. */
  public enum Origin {
    CONFIGURED,
    WORKING_DIRECTORY,
    SHIPPED
  }

  /** Whether edits can happen here, so the folder is worth watching for changes. */
  public boolean editable() {
    return origin != Origin.SHIPPED;
  }

  /** For the start-up log and {@code /healthz}: which copy is in use. */
  public String describe() {
    return switch (origin) {
      case CONFIGURED -> path.toAbsolutePath() + " (" + setting + ")";
      case WORKING_DIRECTORY -> path.toAbsolutePath().toString();
      case SHIPPED -> "the copy shipped in the jar";
    };
  }

  /** A short name for {@code /healthz}: {@code configured}, {@code working-directory}, … */
  public String originName() {
    return origin.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * Resolves {@code setting}: a configured folder must exist and hold at least one {@code
   * contentSuffix} file (else a problem is added); with none configured, {@code defaultFolder} in
   * {@code workingDir} wins when it exists, then the shipped copy {@code shipped/<defaultFolder>}.
   */
  static ContentFolder resolve(
      Map<String, String> env,
      String setting,
      String defaultFolder,
      String contentSuffix,
      Path workingDir,
      List<String> problems) {
    String configured = env.get(setting);
    if (configured != null && !configured.isBlank()) {
      Path folder = Path.of(configured.strip());
      String problem = emptiness(folder, contentSuffix);
      if (problem != null) {
        problems.add(
            setting
                + "="
                + configured.strip()
                + " "
                + problem
                + ": point it at your folder, or unset it to use the one shipped in the jar");
      }
      return new ContentFolder(folder, Origin.CONFIGURED, setting);
    }
    Path local = workingDir.resolve(defaultFolder);
    if (Files.isDirectory(local)) {
      return new ContentFolder(local, Origin.WORKING_DIRECTORY, setting);
    }
    Path shipped = ShippedContent.folder(defaultFolder);
    if (shipped == null) {
      // A build without the shipped copy (only in odd classpaths): keep the old default.
      return new ContentFolder(local, Origin.WORKING_DIRECTORY, setting);
    }
    return new ContentFolder(shipped, Origin.SHIPPED, setting);
  }

  /** Why {@code folder} cannot be used, or null when it holds content. */
  static String emptiness(Path folder, String contentSuffix) {
    if (!Files.exists(folder)) {
      return "does not exist";
    }
    if (!Files.isDirectory(folder)) {
      return "is not a folder";
    }
    try (Stream<Path> files = Files.walk(folder)) {
      boolean any = files.anyMatch(f -> f.getFileName().toString().endsWith(contentSuffix));
      return any ? null : "has no " + contentSuffix + " files";
    } catch (IOException | java.io.UncheckedIOException e) {
      return "cannot be read (" + e.getMessage() + ")";
    }
  }
}
