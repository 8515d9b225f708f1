package com.internhire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(HiringApplication.class);

  static final Path ARCHITECTURE_DOC = Path.of("docs/architecture.md");

  @Test
  void modulesDependOnEachOthersPublicFacesOnlyAndWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }

  /**
   * docs/architecture.md describes every module: a row in its module table ("| `inbox` |")
   * and a node in its Mermaid diagram ("inbox[inbox]"), so a new module cannot go undocumented.
   */
  @Test
  void theArchitectureDocNamesEveryModule() throws IOException {
    String doc = Files.readString(ARCHITECTURE_DOC);
    Matcher mermaid = Pattern.compile("```mermaid\\R(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(mermaid.find()).as("%s has a ```mermaid block", ARCHITECTURE_DOC).isTrue();
    String diagram = mermaid.group(1);

    List<String> modules = MODULES.stream().map(module -> module.getIdentifier().toString()).sorted().toList();
    assertThat(modules).as("modules found").isNotEmpty();

    List<String> withoutRow =
        modules.stream().filter(id -> !doc.contains("\n| `" + id + "` |")).toList();
    List<String> withoutNode =
        modules.stream()
            .filter(id -> !Pattern.compile("(?m)^\\s*" + Pattern.quote(id) + "\\[").matcher(diagram).find())
            .toList();
    assertSoftly(
        softly -> {
          softly
              .assertThat(withoutRow)
              .as("modules without a row (\"| `<module>` | ...\") in the module table of %s", ARCHITECTURE_DOC)
              .isEmpty();
          softly
              .assertThat(withoutNode)
              .as("modules without a node (\"<module>[<module>]\") in the Mermaid diagram of %s", ARCHITECTURE_DOC)
              .isEmpty();
        });
  }
}
