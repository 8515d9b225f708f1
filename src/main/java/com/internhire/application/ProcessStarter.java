package com.internhire.application;

import com.internhire.engine.ProcessInstances;
import com.internhire.engine.ProcessVariables;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceEvent;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts a process instance for every stored application that has none yet: an outbox
 * whose rows are the applications themselves. Woken right after a submission commits and
 * swept on a schedule, so an application acknowledged while the engine was unreachable
 * starts once the engine is back. A claim with an expiry keeps replicas from starting the
 * same application twice; the first job of the process adopts its instance (see
 * {@link ApplicationInstances#adoptOrCancel}) and a duplicate cancels itself.
 *
 * <p>Flow control: at most {@code hiring.process-start.max-first-leg} applications are
 * started and not yet screened at once. A burst then waits in the database, where it is
 * cheap, instead of in the engine's queue ahead of everything people do; the embedded
 * engine in particular slows down with every instance it holds.
 */
@Component
public class ProcessStarter {

  private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);
  private static final int BATCH = 200;
  private static final Duration FIRST_LEG_RECHECK = Duration.ofMillis(50);

  private final ProcessInstances instances;
  private final ApplicationInstances applications;
  private final TurnOrder turnOrder;
  private final Duration claimFor;
  private final boolean enabled;
  private final int maxFirstLeg;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("process-starter").daemon().factory());
  private final AtomicBoolean queued = new AtomicBoolean();
  private final Clock clock;

  ProcessStarter(
      ProcessInstances instances,
      ApplicationInstances applications,
      TurnOrder turnOrder,
      Clock clock,
      @Value("${hiring.process-start.claim-for:PT1M}") Duration claimFor,
      @Value("${hiring.process-start.enabled:true}") boolean enabled,
      @Value("${hiring.process-start.max-first-leg:32}") int maxFirstLeg) {
    this.clock = clock;
    this.instances = instances;
    this.applications = applications;
    this.turnOrder = turnOrder;
    this.claimFor = claimFor;
    this.enabled = enabled;
    this.maxFirstLeg = maxFirstLeg;
  }

  /** Asks for a run soon; runs never overlap and no wake-up is lost. */
  public void wakeUp() {
    if (enabled && queued.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            queued.set(false);
            startPending();
          });
    }
  }

  // No scheduler lock: each row is claimed with a conditional update, so every replica may sweep without double starts.
  @Scheduled(
      initialDelayString = "${hiring.process-start.sweep-interval:PT5S}",
      fixedDelayString = "${hiring.process-start.sweep-interval:PT5S}")
  void sweep() {
    wakeUp();
  }

  private void startPending() {
    try {
      List<ApplicationInstances.PendingStart> pending;
      int room;
      do {
        room = BATCH;
        if (maxFirstLeg > 0) {
          room = Math.min(BATCH, maxFirstLeg - applications.startedNotYetScreened());
          if (room <= 0) {
            // The engine is still on its first leg for as many as may be there at once: if
            // applications wait, look again shortly instead of queueing them all in the engine.
            if (!applications.pendingStarts(1).isEmpty()) {
              executor.schedule(this::wakeUp, FIRST_LEG_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
          }
        }
        pending = applications.pendingStarts(room);
        List<Started> inFlight = new ArrayList<>();
        Instant until = clock.instant().plus(claimFor);
        for (var application : pending) {
          if (applications.claimStart(application.id(), until)) {
            inFlight.add(new Started(application, start(application)));
          }
        }
        for (Started started : inFlight) {
          record(started);
        }
        if (inFlight.isEmpty()) {
          return;
        }
      } while (pending.size() == room);
    } catch (RuntimeException e) {
      log.warn("Starting processes for stored applications failed; will retry: {}", e.getMessage());
    }
  }

  private CamundaFuture<ProcessInstanceEvent> start(ApplicationInstances.PendingStart application) {
    return instances.start(
        new ProcessVariables.Start(
            application.id(),
            application.positionId(),
            application.availabilityStated(),
            application.waitsFor() != null,
            application.interviewCount()));
  }

  private void record(Started started) {
    try {
      ProcessInstanceEvent event = started.future().join(30, TimeUnit.SECONDS);
      if (!applications.adoptOrCancel(started.application().id(), event.getProcessInstanceKey())) {
        return;
      }
      applications.recordProcessDefinition(
          started.application().id(), event.getProcessInstanceKey(), event.getProcessDefinitionKey());
      if (started.application().waitsFor() != null) {
        // The application it waits for may have concluded before this instance existed.
        turnOrder.tellIfDecided(started.application().id());
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not start the process for application {} (will retry): {}",
          started.application().id(),
          e.getMessage());
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  private record Started(ApplicationInstances.PendingStart application, CamundaFuture<ProcessInstanceEvent> future) {}
}
