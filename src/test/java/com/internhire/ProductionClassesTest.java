package com.internhire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the production jar packages is the main output folder: it must hold none of the
 * dev-time code (the embedded engine, its recovery, the model file watcher live in src/dev,
 * on the test classpath only, because the engine's licence is non-production) and no
 * benchmark.
 */
class ProductionClassesTest {

  @Test
  void theMainOutputHoldsNoDevTimeOrBenchmarkClass() throws IOException, URISyntaxException {
    Path classes = Path.of(HiringApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes.getFileName().toString()).isEqualTo("classes");
    List<String> names;
    try (Stream<Path> files = Files.walk(classes)) {
      names = files.filter(f -> f.toString().endsWith(".class")).map(f -> classes.relativize(f).toString()).toList();
    }
    assertThat(names).contains("com/internhire/HiringApplication.class");
    assertThat(names)
        .noneMatch(name -> name.startsWith("com/internhire/embedded/"))
        .noneMatch(name -> name.startsWith("com/internhire/bench/"))
        .noneMatch(name -> name.contains("ApplicationRecovery") || name.contains("ModelFileWatcher"))
        .noneMatch(name -> name.startsWith("io/camunda/zeebe/process/test/"));
  }
}
