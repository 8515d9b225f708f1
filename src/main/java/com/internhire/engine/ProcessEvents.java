package com.internhire.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Messages and signals the service sends into the models. Every message carries an id made
 * of its business event, so sending it again (a retried job, a repeated request) is a
 * no-op the engine recognises (R12).
 */
@Component
public class ProcessEvents {

  public static final String AVAILABILITY_PROVIDED = "availability-provided";
  public static final String TURN_DECIDED = "turn-decided";
  public static final String OFFER_ANSWERED = "offer-answered";
  public static final String START_DATE_CONFIRMED = "start-date-confirmed";
  public static final String APPLICATION_WITHDRAWN = "application-withdrawn";

  private static final Logger log = LoggerFactory.getLogger(ProcessEvents.class);

  private final CamundaClient client;
  private final Duration timeToLive;

  /**
   * @param timeToLive how long a message waits for its instance to reach the catch event.
   *     Short: a message that matters is sent again when the instance starts or is re-created
   *     (R2's turn message), and every buffered message is engine state until it expires.
   */
  ProcessEvents(CamundaClient client, @Value("${hiring.message-time-to-live:PT10M}") Duration timeToLive) {
    this.client = client;
    this.timeToLive = timeToLive;
  }

  /**
   * Publishes a message to one application's instance, where it waits for the instance to
   * reach its catch event. False if the same message was sent before.
   */
  public boolean publish(String name, String applicationId, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(name)
          .correlationKey(applicationId)
          .messageId(name + ":" + applicationId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        log.debug("Message {} for {} was published before", name, applicationId);
        return false;
      }
      throw e;
    } catch (ClientHttpException e) {
      if (e.code() == 409) {
        return false;
      }
      throw e;
    }
  }

  /** Tells every open application of a filled position (R3). */
  public void positionFilled(String positionId) {
    client.newBroadcastSignalCommand().signalName("position-filled-" + positionId).send().join();
  }
}
