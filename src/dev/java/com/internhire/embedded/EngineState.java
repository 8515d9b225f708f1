package com.internhire.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The embedded engine's RocksDB folder: empty at start, removed at stop. */
record EngineState(Path directory) {

  /** Empties the folder (state of an earlier run cannot match a new, empty log). */
  Path wipe() throws IOException {
    delete();
    return Files.createDirectories(directory);
  }

  void delete() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty the engine state folder " + directory, e);
    }
  }
}
