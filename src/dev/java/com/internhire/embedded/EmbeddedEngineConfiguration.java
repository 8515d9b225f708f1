package com.internhire.embedded;

import com.internhire.inbox.UserTaskCommands;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.util.Arrays;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Runs Zeebe's in-memory engine inside the service and lets the Camunda client talk to it
 * over gRPC. The client is created only after the engine is up.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
  ZeebeTestEngine embeddedZeebeEngine(@Value("${hiring.embedded-engine.port}") int port) {
    log.warn(
        "Starting the EMBEDDED Zeebe engine (in memory, non-production licence). Its gRPC API listens on"
            + " 0.0.0.0:{} (all interfaces) WITHOUT authentication: anyone who can reach this port can deploy"
            + " and run processes. Keep the port firewalled; use a Camunda 8 cluster for production.",
        port);
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    log.info("Embedded Zeebe engine started at {}", engine.getGatewayAddress());
    return engine;
  }

  /** Saving a model in bpmn/ or forms/ deploys it (hiring.embedded-engine.live-redeploy). */
  @Bean(destroyMethod = "close")
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
      name = "hiring.embedded-engine.live-redeploy",
      havingValue = "true",
      matchIfMissing = true)
  ModelFileWatcher modelFileWatcher(
      CamundaClient client, org.springframework.context.ApplicationEventPublisher events) throws java.io.IOException {
    return new ModelFileWatcher(client, events, java.util.List.of(java.nio.file.Path.of("bpmn"), java.nio.file.Path.of("forms")));
  }

  /** Camunda user tasks are completed by an engine command (the client's is REST-only). */
  @Bean
  @Primary
  UserTaskCommands engineUserTaskCommands(ZeebeTestEngine engine) {
    return new EngineUserTaskCommands(engine);
  }

  /** The client (and with it deployment and job workers) starts after the engine. */
  @Bean
  static BeanFactoryPostProcessor camundaClientAfterEmbeddedEngine() {
    return beanFactory -> {
      for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
        BeanDefinition definition = beanFactory.getBeanDefinition(name);
        String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(ENGINE_BEAN)) {
          definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(ENGINE_BEAN)).toArray(String[]::new));
        }
      }
    };
  }
}
