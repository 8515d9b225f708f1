package com.internhire.application;

import com.internhire.platform.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Process owners move waiting applications to a new process version:
 * {@code POST /api/process-migrations} with the source and target process definition keys
 * (as deployment logs and Operate show them) and the element mapping.
 */
@RestController
@RequestMapping("/api/process-migrations")
class ProcessMigrationController {

  private final ProcessMigrations migrations;

  ProcessMigrationController(ProcessMigrations migrations) {
    this.migrations = migrations;
  }

  record MigrationRequest(
      @NotNull @Pattern(regexp = "\\d{1,19}", message = "must be a process definition key") String sourceProcessDefinitionKey,
      @NotNull @Pattern(regexp = "\\d{1,19}", message = "must be a process definition key") String targetProcessDefinitionKey,
      @NotEmpty @Size(max = 200) List<@NotNull @Valid MappingBody> mappings) {}

  record MappingBody(@NotBlank @Size(max = 200) String sourceElementId, @NotBlank @Size(max = 200) String targetElementId) {}

  @PostMapping
  ProcessMigrations.Result migrate(@Valid @RequestBody MigrationRequest request, Authentication user) {
    long source = Long.parseLong(request.sourceProcessDefinitionKey());
    long target = Long.parseLong(request.targetProcessDefinitionKey());
    if (source == target) {
      throw DomainException.invalid("targetProcessDefinitionKey", "must differ from the source");
    }
    return migrations.migrate(
        source,
        target,
        request.mappings().stream().map(m -> new ProcessMigrations.Mapping(m.sourceElementId(), m.targetElementId())).toList(),
        user.getName());
  }
}
