package com.internhire.support;

import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import com.internhire.notification.SwitchableMailbox;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the embedded engine, over HTTP. Every subclass shares one Spring
 * context (same configuration), one engine and one in-memory database, so tests create
 * their own data (fresh e-mail addresses, positions) rather than assume an empty one.
 */
@SpringBootTest(
    classes = {HiringApplication.class, EmbeddedEngineConfiguration.class, SwitchableMailbox.Config.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"embedded", "test"})
@AutoConfigureObservability(tracing = false)
public abstract class ServiceTest {

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void embeddedEngine(DynamicPropertyRegistry registry) {
    registry.add("hiring.embedded-engine.port", () -> FreePort.ENGINE);
  }

  protected Api api() {
    return Api.at(port);
  }
}
