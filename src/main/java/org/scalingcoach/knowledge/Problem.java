package org.scalingcoach.knowledge;

import java.nio.file.Path;

/** Something wrong with a knowledge or audit file, located by file and line. */
public record Problem(Path file, int line, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
