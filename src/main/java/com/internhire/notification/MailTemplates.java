package com.internhire.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The candidates' messages, rendered by Mustache from {@code mail/<template>.txt.mustache}
 * (a {@code Subject:} line, a blank line, the text body) and
 * {@code mail/<template>.html.mustache} (the same message as HTML, within
 * {@code mail/_layout.html.mustache}, which shows the subject as its title and heading).
 *
 * <p>Each template is compiled on first use and kept; a template that is missing or has no
 * subject throws, so the job that wanted to send it fails and is retried rather than
 * sending something half-written.
 */
final class MailTemplates {

  private static final String SUBJECT = "Subject: ";
  // Names come from the models' task headers: keep them from reaching outside mail/.
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  // A value the application lacks (no deadline, no seat yet) renders as nothing, as it
  // always has, rather than failing the job over a message that cannot change.
  private final Mustache.Compiler html = Mustache.compiler().defaultValue("").withLoader(MailTemplates::load);
  // Plain text is not HTML: "<b>&" in a name must reach the reader as typed.
  private final Mustache.Compiler text = html.escapeHTML(false);
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  /** The message for this template, with the application's values filled in. */
  Rendered render(String template, Map<String, String> model) {
    Compiled parts = compiled.computeIfAbsent(template, this::compile);
    String subject = parts.subject().execute(model);
    Map<String, String> withSubject = new HashMap<>(model);
    withSubject.put("subject", subject);
    return new Rendered(subject, parts.text().execute(model), parts.html().execute(withSubject));
  }

  private Compiled compile(String template) {
    if (!NAME.matcher(template).matches()) {
      throw new IllegalStateException("No mail template named '" + template + "'");
    }
    String source = read(template + ".txt");
    int firstLineEnd = source.indexOf('\n');
    if (!source.startsWith(SUBJECT) || firstLineEnd < 0 || !source.startsWith("\n", firstLineEnd + 1)) {
      throw new IllegalStateException("Mail template mail/" + template + ".txt.mustache must start with 'Subject: ' and a blank line");
    }
    String subject = source.substring(SUBJECT.length(), firstLineEnd).trim();
    if (subject.isEmpty()) {
      throw new IllegalStateException("Mail template mail/" + template + ".txt.mustache has an empty subject");
    }
    try {
      return new Compiled(
          text.compile(subject), text.compile(source.substring(firstLineEnd + 2)), html.compile(read(template + ".html")));
    } catch (MustacheException e) {
      throw new IllegalStateException("Mail template " + template + " does not compile: " + e.getMessage(), e);
    }
  }

  private static Reader load(String name) {
    return new StringReader(read(name));
  }

  // Line endings as in the repository, whatever a checkout on Windows made of them.
  private static String read(String name) {
    ClassPathResource resource = new ClassPathResource("mail/" + name + ".mustache");
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException("No mail template mail/" + name + ".mustache", e);
    }
  }

  /** A message ready to send: its subject, its text and the same as HTML. */
  record Rendered(String subject, String text, String html) {}

  private record Compiled(Template subject, Template text, Template html) {}
}
