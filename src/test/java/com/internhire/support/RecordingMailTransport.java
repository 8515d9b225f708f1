package com.internhire.support;

import com.internhire.notification.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
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
    // As SMTP or the mailbox folder would: only then do the parts carry their Content-Type.
    message.saveChanges();
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

  /** The text part, with the line ends it has in the template (a mailbox file has CRLF). */
  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  /** The HTML part. */
  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(MimeMessage message, String type) {
    try {
      Multipart alternatives = (Multipart) message.getContent();
      for (int i = 0; i < alternatives.getCount(); i++) {
        if (alternatives.getBodyPart(i).isMimeType(type)) {
          return alternatives.getBodyPart(i).getContent().toString().replace("\r\n", "\n");
        }
      }
      throw new AssertionError("No " + type + " part in " + template(message));
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
