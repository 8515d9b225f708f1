package com.internhire.application;

import com.internhire.engine.ProcessEvents;
import com.internhire.engine.ProcessVariables;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * R2: a candidate's second application waits until the first concludes, then is told once
 * whether the first ended in a hire. Told when the first concludes and again (harmlessly,
 * the message id is the same) when the second's instance starts after that.
 */
@Component
public class TurnOrder {

  private final ApplicationRepository applications;
  private final ProcessEvents events;

  TurnOrder(ApplicationRepository applications, ProcessEvents events) {
    this.applications = applications;
    this.events = events;
  }

  /** Tells the waiting application its turn has come, if the one it waits for has concluded. */
  public void tellIfDecided(UUID waitingApplicationId) {
    StoredApplication waiting = applications.find(waitingApplicationId).orElseThrow();
    if (waiting.waitsFor() == null || waiting.concluded()) {
      return;
    }
    StoredApplication first = applications.find(waiting.waitsFor()).orElseThrow();
    if (!first.concluded()) {
      return;
    }
    events.publish(
        ProcessEvents.TURN_DECIDED,
        waitingApplicationId.toString(),
        Map.of(ProcessVariables.FIRST_APPLICATION_HIRED, first.status() == ApplicationStatus.HIRED));
  }
}
