package com.internhire.bench;

import com.internhire.HiringApplication;
import com.internhire.embedded.EmbeddedEngineConfiguration;
import com.internhire.notification.MailTransport;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole hiring service on its embedded default (in-process engine, H2 file database), started
 * in this JVM as {@code ./mvnw spring-boot:test-run} starts it, on free ports and a fresh
 * database under {@code target/bench}. One addition: the mail transport also tells the
 * benchmark's candidates that a message arrived (they act on their mail, as people do).
 */
final class BenchService implements AutoCloseable {

  /** A message the service sent: the application it is about and its template. */
  record Mail(String applicationId, String template) {}

  private static volatile Consumer<Mail> mailListener = m -> {};

  final ConfigurableApplicationContext context;
  final Path directory;
  final int port;

  private BenchService(ConfigurableApplicationContext context, Path directory) {
    this.context = context;
    this.directory = directory;
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  static BenchService start(String name, List<String> extraArgs, Consumer<Mail> onMail) throws IOException {
    Path directory = Path.of("target", "bench", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    Files.createDirectories(directory);
    mailListener = onMail;
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("hiring")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
    args.add("--hiring.embedded-engine.port=" + freePort());
    args.add("--hiring.embedded-engine.live-redeploy=false");
    args.add("--hiring.mail.mailbox-dir=" + directory.resolve("mailbox"));
    args.add("--logging.level.root=WARN");
    args.add("--logging.level.io.camunda.zeebe=ERROR");
    // Zeebe Process Test's batch-operation actor reads the in-memory state from another thread
    // and logs a ConcurrentModificationException now and then (a known ZPT issue; nothing lost).
    args.add("--logging.level.io.camunda.zeebe.util.actor=OFF");
    args.add("--logging.level.io.camunda.client.impl.CamundaCallCredentials=ERROR");
    args.add("--spring.main.banner-mode=off");
    args.addAll(extraArgs);
    try {
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(HiringApplication.class, EmbeddedEngineConfiguration.class, MailboxConfig.class)
              .profiles("embedded")
              .run(args.toArray(String[]::new));
      return new BenchService(context, directory);
    } catch (RuntimeException e) {
      // The engine's actor threads are not daemons: a failed start would leave the JVM hanging.
      e.printStackTrace();
      Runtime.getRuntime().halt(2);
      throw e;
    }
  }

  ZeebeTestEngine engine() {
    return context.getBean(ZeebeTestEngine.class);
  }

  JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  @Override
  public void close() {
    mailListener = m -> {};
    context.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The service's own mail transport (the mailbox folder of the embedded default), which also
   * tells the benchmark's candidates about each message it sent.
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class MailboxConfig {
    @Bean
    static BeanPostProcessor tellCandidates() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (!(bean instanceof MailTransport transport)) {
            return bean;
          }
          return (MailTransport) message -> {
            transport.send(message);
            String event = message.getHeader("X-Hiring-Event", null);
            if (event != null && event.length() >= 36) {
              mailListener.accept(new Mail(event.substring(0, 36), message.getHeader("X-Hiring-Template", null)));
            }
          };
        }
      };
    }
  }
}
