package org.scalingcoach.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The knowledge base, audits and prompts copied into the jar at build time ({@code shipped/…}),
 * readable as a {@link Path} whether the classes run from a jar or from a folder.
 */
final class ShippedContent {
  private static final String ROOT = "shipped/";

  private ShippedContent() {}

  /** The shipped copy of {@code name} ({@code knowledge}, {@code prompts}), or null if absent. */
  static Path folder(String name) {
    URL url = ShippedContent.class.getClassLoader().getResource(ROOT + name);
    if (url == null) {
      return null;
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return Path.of(uri);
      }
      return jarFileSystem(uri).provider().getPath(uri);
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    }
  }
}
