package com.internhire.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service tests' mail server: the mailbox folder, which a test can take "down". */
public class SwitchableMailbox implements MailTransport {

  private final MailTransport folder;
  private volatile boolean down;

  SwitchableMailbox(Path folder) {
    this.folder = new MailConfiguration.MailboxFolder(folder);
  }

  @Override
  public void send(MimeMessage message) throws MessagingException {
    if (down) {
      throw new MessagingException("Couldn't connect to host, port: smtp.company.example, 25; timeout -1");
    }
    folder.send(message);
  }

  public void down(boolean down) {
    this.down = down;
  }

  /** Registers it in the service tests' context. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    @Primary
    SwitchableMailbox switchableMailbox(@Value("${hiring.mail.mailbox-dir}") Path folder) {
      return new SwitchableMailbox(folder);
    }
  }
}
