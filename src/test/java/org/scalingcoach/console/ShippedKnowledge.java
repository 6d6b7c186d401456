package org.scalingcoach.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A temporary copy of the shipped knowledge folder, for tests that edit documents. */
public final class ShippedKnowledge {
  private ShippedKnowledge() {}

  public static Path copy() throws IOException {
    Path target = org.scalingcoach.TestCore.tempDir("console-knowledge-");
    Path source = Path.of("knowledge");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }
}
