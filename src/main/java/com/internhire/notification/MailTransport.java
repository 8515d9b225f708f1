package com.internhire.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where finished messages go: an SMTP server, or a mailbox folder on the embedded default. */
public interface MailTransport {

  void send(MimeMessage message) throws MessagingException;
}
