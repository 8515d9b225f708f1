package com.internhire;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(HiringApplication.class);

  @Test
  void modulesDependOnEachOthersPublicFacesOnlyAndWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation();
  }
}
