package com.internhire.embedded;

import com.internhire.application.ApplicationInstances;
import com.internhire.application.ApplicationRepository;
import com.internhire.application.ApplicationStatus;
import com.internhire.application.Deadlines;
import com.internhire.application.ProcessStarter;
import com.internhire.application.StoredApplication;
import com.internhire.application.TurnOrder;
import com.internhire.audit.AuditAction;
import com.internhire.audit.AuditTrail;
import com.internhire.engine.Await;
import com.internhire.engine.ProcessEvents;
import com.internhire.engine.ProcessInstances;
import com.internhire.engine.ProcessVariables;
import com.internhire.inbox.TaskAnswers;
import com.internhire.inbox.TaskCompletions;
import com.internhire.inbox.TaskElementInstances;
import com.internhire.offer.Seats;
import com.internhire.position.Position;
import com.internhire.position.PositionRepository;
import com.internhire.screening.ScreeningResults;
import io.camunda.client.api.response.ProcessInstanceEvent;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
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
 * <p>Only for the embedded engine ({@code hiring.engine.recover-on-start}, set by the embedded
 * profile), and dev-time code like it: a cluster's engine is durable and nothing is re-created
 * there, so the production jar does not hold this class. Each application moves from its lost instance
 * to the new one with a conditional update, so two runs cannot both re-create it.
 */
@Component
@ConditionalOnProperty(name = "hiring.engine.recover-on-start", havingValue = "true")
public class ApplicationRecovery {

  private static final Logger log = LoggerFactory.getLogger(ApplicationRecovery.class);

  private final ApplicationRepository applications;
  private final ApplicationInstances links;
  private final Deadlines deadlines;
  private final PositionRepository positions;
  private final ScreeningResults screening;
  private final TaskAnswers answers;
  private final Seats seats;
  private final AuditTrail audit;
  private final TurnOrder turnOrder;
  private final TaskElementInstances tasks;
  private final ProcessInstances instances;
  private final TransactionTemplate tx;
  private final ProcessStarter starter;
  private final TaskCompletions userTasks;
  private final ProcessEvents events;
  private List<StoredApplication> lost = List.of();

  ApplicationRecovery(
      ApplicationRepository applications,
      ApplicationInstances links,
      Deadlines deadlines,
      PositionRepository positions,
      ScreeningResults screening,
      TaskAnswers answers,
      Seats seats,
      AuditTrail audit,
      TurnOrder turnOrder,
      TaskElementInstances tasks,
      ProcessInstances instances,
      TransactionTemplate tx,
      ProcessStarter starter,
      TaskCompletions userTasks,
      ProcessEvents events) {
    this.applications = applications;
    this.links = links;
    this.deadlines = deadlines;
    this.positions = positions;
    this.screening = screening;
    this.answers = answers;
    this.seats = seats;
    this.audit = audit;
    this.turnOrder = turnOrder;
    this.tasks = tasks;
    this.instances = instances;
    this.tx = tx;
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
    lost = links.openWithInstance();
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
    Map<String, Object> variables =
        new ProcessVariables.Start(
                application.id(),
                application.positionId(),
                application.availabilityStart() != null,
                application.waitsFor() != null,
                position.interviewers())
            .asMap();
    String element = startElement(stage);
    if (element != null && !element.equals("Gateway_AwaitAvailability") && !element.equals("Event_TurnDecided")) {
      screening.of(application.id()).ifPresent(outcome -> {
        variables.put(ProcessVariables.SCREENING, outcome.result());
        variables.put(ProcessVariables.REVIEW_DUE_AT, outcome.reviewDueAt().toString());
      });
      if (application.availability() != null) {
        variables.put(ProcessVariables.COHORT_OPTIONS, position.cohortOptions(application.availability()));
      }
      variables.put(ProcessVariables.SCORECARDS, scorecards(application));
    }
    if ("Gateway_AwaitAvailability".equals(element)) {
      deadlines.find(application.id(), "availability")
          .ifPresent(due -> variables.put(ProcessVariables.dueAt("availability"), due.toString()));
    }
    if ("CallActivity_Offer".equals(element)) {
      seats.of(application.id())
          .ifPresent(seat -> variables.put(ProcessVariables.PROPOSED_START_DATE, seat.startDate().toString()));
    }

    if (element == null) {
      // Not yet past screening: the start outbox starts it again from the beginning.
      if (links.releaseLostInstance(application.id(), application.processInstanceKey())) {
        tasks.forget(application.id());
        audit.record(application.id(), "system:recovery", AuditAction.PROCESS_RECREATED, Map.of("stage", stage.name(), "startBefore", "start"));
        starter.wakeUp();
      }
      return;
    }
    // Claimed first, so a second run leaves it alone; then the lost instance's tasks leave the
    // inbox before the new instance records its own.
    Optional<Long> claim = links.claimRecovery(application.id(), application.processInstanceKey());
    if (claim.isEmpty()) {
      return;
    }
    tasks.forget(application.id());
    ProcessInstanceEvent instance = instances.startBefore(element, variables);
    boolean mine =
        Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  if (!links.replaceProcessInstance(
                      application.id(), claim.get(), instance.getProcessInstanceKey(), instance.getProcessDefinitionKey())) {
                    return false;
                  }
                  audit.record(
                      application.id(),
                      "system:recovery",
                      AuditAction.PROCESS_RECREATED,
                      Map.of("stage", stage.name(), "startBefore", element,
                          "lostInstance", String.valueOf(application.processInstanceKey()),
                          "instance", String.valueOf(instance.getProcessInstanceKey())));
                  return true;
                }));
    if (!mine) {
      instances.cancel(instance.getProcessInstanceKey());
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
      events.publish(
          ProcessEvents.OFFER_ANSWERED,
          application.id().toString(),
          Map.of(ProcessVariables.OFFER_ACCEPTED, true));
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


  /** The scorecards already submitted, as the interview task's output collection holds them. */
  private List<ProcessVariables.Scorecard> scorecards(StoredApplication application) {
    List<ProcessVariables.Scorecard> scorecards = new ArrayList<>();
    for (TaskAnswers.Answered answered : answers.completed(application.id())) {
      if ("Task_Interview".equals(answered.elementId())) {
        scorecards.add(ProcessVariables.Scorecard.of(scorecards.size() + 1, answered.answers()));
      }
    }
    return scorecards;
  }
}
