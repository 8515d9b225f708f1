package com.internhire.support;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The mailbox folder the service writes to in tests: real RFC 822 messages, read back. */
public final class Mailbox {

  private static final Path FOLDER = Path.of("target/test-mailbox");
  private static final Session SESSION = Session.getInstance(new Properties());

  private Mailbox() {}

  /** The templates of the messages about one application, in the order they were written. */
  public static List<String> templatesAbout(Object applicationId) {
    return messagesAbout(applicationId).stream().map(RecordingMailTransport::template).toList();
  }

  public static List<MimeMessage> messagesAbout(Object applicationId) {
    if (!Files.isDirectory(FOLDER)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .filter(f -> f.toString().endsWith(".eml"))
          .sorted()
          .map(Mailbox::read)
          .filter(m -> header(m, "X-Hiring-Event").startsWith(applicationId.toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MimeMessage read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(SESSION, in);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("Unreadable mail " + file, e);
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, null);
      return value == null ? "" : value;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
