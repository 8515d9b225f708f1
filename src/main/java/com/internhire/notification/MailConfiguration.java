package com.internhire.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when {@code spring.mail.host} is configured (Spring Boot's mail support); otherwise
 * each message is written as an RFC 822 {@code .eml} file into {@code hiring.mail.mailbox-dir},
 * a folder a person can open with any mail client.
 */
@Configuration
class MailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean
  MailTransport mailTransport(
      ObjectProvider<JavaMailSender> smtp, @Value("${hiring.mail.mailbox-dir:./data/mailbox}") Path mailbox) {
    JavaMailSender sender = smtp.getIfAvailable();
    if (sender != null) {
      return sender::send;
    }
    log.info("No SMTP server configured (spring.mail.host): mail is written to {}", mailbox.toAbsolutePath());
    return new MailboxFolder(mailbox);
  }

  /** Writes each message into a folder, one {@code .eml} file per message. */
  static final class MailboxFolder implements MailTransport {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final Path folder;

    MailboxFolder(Path folder) {
      this.folder = folder;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
      try {
        Files.createDirectories(folder);
        String name =
            System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet() + "-" + message.getHeader("X-Hiring-Template", null) + ".eml";
        Path tmp = folder.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
          message.writeTo(out);
        }
        Files.move(tmp, folder.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write mail into " + folder, e);
      }
    }
  }
}
