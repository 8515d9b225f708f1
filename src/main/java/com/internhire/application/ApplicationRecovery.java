package com.internhire.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.audit.AuditTrail;
import com.internhire.offer.Seats;
import com.internhire.position.Availability;
import com.internhire.position.CohortOptions;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.process.Await;
import com.internhire.process.DeadlineVariables;
import com.internhire.screening.ScreeningService;
import com.internhire.process.ProcessEvents;
import com.internhire.tasks.TaskElementInstances;
import com.internhire.tasks.TaskCompletions;
import io.camunda.client.CamundaClient;
import jakarta.annotation.PostConstruct;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1;
import io.camunda.client.api.response.ProcessInstanceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restart without loss on the in-memory engine, which forgets every instance when the
 * process stops while the database does not. At start every open application whose instance
 * was lost is re-created at the stage the database recorded, with the engine's start
 * instructions: its open human tasks, its waits, and its timers at their recorded absolute due
 * dates (remaining time, not a fresh one). An offer already out is re-created inside the offer
 * call activity by modifying the new child instance.
 *
 * <p>Only for the embedded engine ({@code hiring.engine.recover-on-start}); a cluster's engine
 * is durable and nothing is re-created there. Each application moves from its lost instance
 * to the new one with a conditional update, so two runs cannot both re-create it.
 */
@Component
@ConditionalOnProperty(name = "hiring.engine.recover-on-start", havingValue = "true")
public class ApplicationRecovery {

  private static final Logger log = LoggerFactory.getLogger(ApplicationRecovery.class);
  static final String PROCESS_ID = ProcessStarter.PROCESS_ID;

  private final ApplicationRepository applications;
  private final PositionRepository positions;
  private final ScreeningService screening;
  private final Seats seats;
  private final AuditTrail audit;
  private final TurnOrder turnOrder;
  private final TaskElementInstances tasks;
  private final CamundaClient client;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final ProcessStarter starter;
  private List<StoredApplication> lost = List.of();
  private final TaskCompletions userTasks;
  private final ProcessEvents events;

  ApplicationRecovery(
      ApplicationRepository applications,
      PositionRepository positions,
      ScreeningService screening,
      Seats seats,
      AuditTrail audit,
      TurnOrder turnOrder,
      TaskElementInstances tasks,
      CamundaClient client,
      TransactionTemplate tx,
      ObjectMapper json,
      ProcessStarter starter,
      TaskCompletions userTasks,
      ProcessEvents events) {
    this.applications = applications;
    this.positions = positions;
    this.screening = screening;
    this.seats = seats;
    this.audit = audit;
    this.turnOrder = turnOrder;
    this.tasks = tasks;
    this.client = client;
    this.tx = tx;
    this.json = json;
    this.starter = starter;
    this.userTasks = userTasks;
    this.events = events;
  }

  /**
   * Which applications lost their instance is decided while the context starts, before the
   * web server takes requests and before the start outbox runs: an instance started after
   * this moment is never mistaken for a lost one. Their tasks leave the inbox at once.
   */
  @PostConstruct
  void findLost() {
    lost = applications.openWithInstance();
    lost.forEach(application -> tasks.forget(application.id()));
  }

  @EventListener(ApplicationReadyEvent.class)
  void recoverInBackground() {
    Thread.ofPlatform().name("engine-recovery").daemon().start(this::recoverAll);
  }

  /** Re-creates every instance lost with the engine before this start; returns how many. */
  public int recoverAll() {
    if (lost.isEmpty()) {
      return 0;
    }
    log.info("Re-creating the process instances of {} open application(s) after a restart", lost.size());
    int recovered = 0;
    for (StoredApplication application : lost) {
      try {
        recover(application);
        recovered++;
      } catch (RuntimeException e) {
        log.error("Could not re-create the instance of application {}: {}", application.id(), e.getMessage());
      }
    }
    return recovered;
  }

  void recover(StoredApplication application) {
    ApplicationStatus stage = application.status();
    Position position = positions.findById(application.positionId()).orElseThrow();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("applicationId", application.id().toString());
    variables.put("positionId", application.positionId());
    variables.put("availabilityStated", application.availabilityStart() != null);
    variables.put("waitsForTurn", application.waitsFor() != null);
    variables.put("interviewCount", position.interviewers());
    String element = startElement(stage);
    if (element != null && !element.equals("Gateway_AwaitAvailability") && !element.equals("Event_TurnDecided")) {
      screening.recorded(application.id()).ifPresent(result -> variables.put("screening", result));
      applications.screeningOutcome(application.id()).ifPresent(o -> variables.put("reviewDueAt", o.reviewDueAt().toString()));
      if (application.availabilityStart() != null) {
        variables.put(
            "cohortOptions",
            CohortOptions.of(new Availability(application.availabilityStart(), application.availabilityEnd()), position));
      }
      variables.put("scorecards", scorecards(application));
    }
    if ("Gateway_AwaitAvailability".equals(element)) {
      deadline(application, "availability").ifPresent(due -> variables.put(DeadlineVariables.of("availability"), due));
    }
    if ("CallActivity_Offer".equals(element)) {
      seats.of(application.id()).ifPresent(seat -> variables.put("proposedStartDate", seat.startDate().toString()));
    }

    if (element == null) {
      // Not yet past screening: the start outbox starts it again from the beginning.
      if (applications.releaseLostInstance(application.id(), application.processInstanceKey())) {
        tasks.forget(application.id());
        audit.record(application.id(), "system:recovery", "PROCESS_RECREATED", Map.of("stage", stage.name(), "startBefore", "start"));
        starter.wakeUp();
      }
      return;
    }
    // Claimed first, so a second run leaves it alone; then the lost instance's tasks leave the
    // inbox before the new instance records its own.
    Optional<Long> claim = applications.claimRecovery(application.id(), application.processInstanceKey());
    if (claim.isEmpty()) {
      return;
    }
    tasks.forget(application.id());
    CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3 command =
        client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(variables);
    ProcessInstanceEvent instance = command.startBeforeElement(element).send().join();
    boolean mine =
        Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  if (!applications.replaceProcessInstance(
                      application.id(), claim.get(), instance.getProcessInstanceKey(), instance.getProcessDefinitionKey())) {
                    return false;
                  }
                  audit.record(
                      application.id(),
                      "system:recovery",
                      "PROCESS_RECREATED",
                      Map.of("stage", stage.name(), "startBefore", element,
                          "lostInstance", String.valueOf(application.processInstanceKey()),
                          "instance", String.valueOf(instance.getProcessInstanceKey())));
                  return true;
                }));
    if (!mine) {
      client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();
      return;
    }
    log.info("Application {} re-created at {} ({})", application.id(), stage, element);
    if (stage == ApplicationStatus.WAITING_TURN) {
      turnOrder.tellIfDecided(application.id());
    }
    if (stage == ApplicationStatus.OFFERED || stage == ApplicationStatus.OFFER_ACCEPTED) {
      resumeOffer(application, stage);
    }
  }

  /** Where the main model is entered for each recorded stage (null: from the start). */
  static String startElement(ApplicationStatus stage) {
    return switch (stage) {
      case SUBMITTED, SCREENED -> null;
      case AWAITING_AVAILABILITY -> "Gateway_AwaitAvailability";
      case WAITING_TURN -> "Event_TurnDecided";
      case IN_REVIEW -> "Task_ReviewApplication";
      case INTERVIEWING -> "Task_Interview";
      case AWAITING_DECISION -> "Task_HiringDecision";
      case OFFER_APPROVAL, OFFERED, OFFER_ACCEPTED -> "CallActivity_Offer";
      default -> throw new IllegalStateException("A concluded application has no instance to re-create: " + stage);
    };
  }

  /**
   * The re-created offer starts at its seat (held already) and approval. An offer that was
   * out had been approved: that recorded approval is replayed through the user-task port, and
   * an accepted one gets the candidate's recorded answer again. Their deadlines and mails are
   * keyed by application, so the offer keeps its due date and nobody is written to twice.
   */
  private void resumeOffer(StoredApplication application, ApplicationStatus stage) {
    long[] approval = awaitApprovalTask(application);
    userTasks.complete(approval[0], Map.of("approved", true), Duration.ofSeconds(30));
    if (stage == ApplicationStatus.OFFER_ACCEPTED) {
      awaitStatus(application, ApplicationStatus.OFFERED);
      events.publish(ProcessEvents.OFFER_ANSWERED, application.id().toString(), Map.of("offerAccepted", true), Duration.ofMinutes(10));
    }
  }

  private void awaitStatus(StoredApplication application, ApplicationStatus status) {
    if (!Await.until(Duration.ofSeconds(30), () -> applications.find(application.id()).orElseThrow().status() == status)) {
      throw new IllegalStateException("The re-created offer of " + application.id() + " did not reach " + status);
    }
  }


  private long[] awaitApprovalTask(StoredApplication application) {
    if (!Await.until(Duration.ofSeconds(30), () -> tasks.open(application.id(), "Task_ApproveOffer").isPresent())) {
      throw new IllegalStateException("The re-created offer of " + application.id() + " did not reach its approval");
    }
    return tasks.open(application.id(), "Task_ApproveOffer").orElseThrow();
  }


  private Optional<String> deadline(StoredApplication application, String name) {
    return applications.findDeadline(application.id(), name).map(Object::toString);
  }

  /** The scorecards already submitted, as the interview task's output collects them. */
  private List<Map<String, Object>> scorecards(StoredApplication application) {
    List<Map<String, Object>> scorecards = new ArrayList<>();
    for (AuditTrail.AuditEvent event : audit.history(application.id())) {
      if ("TASK_COMPLETED".equals(event.action()) && "Task_Interview".equals(event.details().get("task"))) {
        Map<String, Object> answers = json.convertValue(event.details().get("answers"), Map.class);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("interviewNumber", scorecards.size() + 1);
        for (String key : List.of("analytics", "technical", "communication", "problemSolving", "recommendation")) {
          card.put(key, answers.get(key));
        }
        scorecards.add(card);
      }
    }
    return scorecards;
  }
}
