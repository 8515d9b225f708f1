package com.internhire.embedded;

import com.internhire.inbox.UserTaskCommands;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngines;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.platform.security.Roles;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import java.nio.file.Path;
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
 * Runs Zeebe's engine inside the service, its state in RocksDB under {@code
 * hiring.embedded-engine.state-dir} and its log in memory, and lets the Camunda client talk to
 * it over gRPC. The client is created only after the engine is up. The state folder is wiped
 * at start and at stop: with the log gone, old state would not match it; the service's own
 * database is what survives a restart (see {@link ApplicationRecovery}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedEngineConfiguration {

  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean(name = ENGINE_BEAN, destroyMethod = "stop")
  StoppingEngine embeddedZeebeEngine(
      @Value("${hiring.embedded-engine.host:127.0.0.1}") String host,
      @Value("${hiring.embedded-engine.port}") int port,
      @Value("${hiring.embedded-engine.state-dir:./data/engine-state}") Path stateDirectory)
      throws IOException {
    log.warn(
        "Starting the EMBEDDED Zeebe engine (non-production licence). Its gRPC API listens on {}:{}"
            + " WITHOUT authentication: anyone who can reach it can deploy and run processes."
            + " Use a Camunda 8 cluster for production.",
        host,
        port);
    EngineState state = new EngineState(stateDirectory);
    ZeebeTestEngine engine = RocksDbEngines.create(host, port, state.wipe());
    engine.start();
    log.info("Embedded Zeebe engine started at {} (state in {})", engine.getGatewayAddress(), stateDirectory.toAbsolutePath());
    return new StoppingEngine(engine, state);
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
  UserTaskCommands engineUserTaskCommands(StoppingEngine engine) {
    return new EngineUserTaskCommands(engine.engine());
  }

  /** The service's clock, movable with the engine's ({@link DevClockController}). */
  @Bean
  @Primary
  MovableClock movableClock() {
    return new MovableClock();
  }

  /**
   * {@code /api/dev/**} on the embedded default: process owners only, HTTP Basic, stateless.
   * Ahead of the service's API chain, which answers the path 404 where this code is absent.
   */
  @Bean
  @Order(0)
  SecurityFilterChain devEndpoints(HttpSecurity http, ObjectMapper json) throws Exception {
    return http.securityMatcher("/api/dev/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.PROCESS_OWNER))
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
            problem(json, response, HttpStatus.UNAUTHORIZED, "Sign in as a process owner (HTTP Basic).")))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            problem(json, response, HttpStatus.FORBIDDEN, "Only process owners move the embedded default's clock.")))
        .build();
  }

  private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
      throws java.io.IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(java.net.URI.create(status == HttpStatus.UNAUTHORIZED ? "/problems/unauthenticated" : "/problems/forbidden"));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
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
