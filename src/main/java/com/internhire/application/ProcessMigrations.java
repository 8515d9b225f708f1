package com.internhire.application;

import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.MigrationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves waiting applications from one deployed process version to another with Zeebe's
 * process instance migration. The engine checks every instance against the mapping and
 * refuses what cannot move (an active element without a mapping, a changed element type,
 * ...); each refusal is reported with the engine's reason and that application stays on its
 * version.
 */
@Service
class ProcessMigrations {

  private final CamundaClient client;
  private final ApplicationInstances applications;
  private final AuditTrail audit;
  private final TransactionTemplate tx;

  ProcessMigrations(CamundaClient client, ApplicationInstances applications, AuditTrail audit, TransactionTemplate tx) {
    this.client = client;
    this.applications = applications;
    this.audit = audit;
    this.tx = tx;
  }

  record Mapping(String sourceElementId, String targetElementId) {}

  record Refusal(String applicationId, String processInstanceKey, String reason) {}

  record Result(int migrated, List<Refusal> refused) {}

  Result migrate(long sourceDefinitionKey, long targetDefinitionKey, List<Mapping> mappings, String actor) {
    if (mappings.isEmpty()) {
      throw new IllegalArgumentException("A migration needs at least one mapping");
    }
    MigrationPlan.MigrationPlanBuilderStep2 plan =
        MigrationPlan.newBuilder().withTargetProcessDefinitionKey(targetDefinitionKey);
    MigrationPlan.MigrationPlanBuilderFinalStep last = null;
    for (Mapping m : mappings) {
      last = plan.addMappingInstruction(m.sourceElementId(), m.targetElementId());
    }
    MigrationPlan migrationPlan = last.build();
    int migrated = 0;
    List<Refusal> refused = new ArrayList<>();
    for (StoredApplication application : applications.openOnDefinition(sourceDefinitionKey)) {
      long instance = application.processInstanceKey();
      try {
        client.newMigrateProcessInstanceCommand(instance).migrationPlan(migrationPlan).send().join();
        tx.executeWithoutResult(
            s -> {
              applications.recordProcessDefinition(application.id(), instance, targetDefinitionKey);
              audit.record(
                  application.id(),
                  actor,
                  AuditAction.PROCESS_MIGRATED,
                  Map.of("from", String.valueOf(sourceDefinitionKey), "to", String.valueOf(targetDefinitionKey), "mappings", mappings));
            });
        migrated++;
      } catch (ClientException e) {
        refused.add(new Refusal(application.id().toString(), String.valueOf(instance), e.getMessage()));
      }
    }
    return new Result(migrated, refused);
  }
}
