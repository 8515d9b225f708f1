package com.internhire.support;

import com.internhire.notification.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mail server for slice tests: keeps what it is sent, and can be "down". */
public class RecordingMailTransport implements MailTransport {

  private final List<MimeMessage> sent = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  @Override
  public void send(MimeMessage message) throws MessagingException {
    if (down) {
      throw new MessagingException("Connection refused: smtp.test:25");
    }
    sent.add(message);
  }

  public void down(boolean down) {
    this.down = down;
  }

  /** Messages about one application (their event key starts with its id). */
  public List<MimeMessage> about(Object applicationId) {
    return sent.stream()
        .filter(m -> {
          try {
            return m.getHeader("X-Hiring-Event", null).startsWith(applicationId.toString());
          } catch (MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  public static String template(MimeMessage message) {
    try {
      return message.getHeader("X-Hiring-Template", null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
