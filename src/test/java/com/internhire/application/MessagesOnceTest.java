package com.internhire.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.engine.ProcessEvents;
import com.internhire.support.ServiceTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R12 for messages to another application: the same event sent twice reaches the engine once. */
class MessagesOnceTest extends ServiceTest {

  @Autowired ProcessEvents events;

  @Test
  void aRepeatedMessageIsRecognisedByTheEngine() {
    String waiting = UUID.randomUUID().toString();
    Map<String, Object> told = Map.of("firstApplicationHired", false);

    assertThat(events.publish(ProcessEvents.TURN_DECIDED, waiting, told)).isTrue();
    assertThat(events.publish(ProcessEvents.TURN_DECIDED, waiting, told)).isFalse();
  }
}
