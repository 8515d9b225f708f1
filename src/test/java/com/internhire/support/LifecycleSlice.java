package com.internhire.support;

import com.internhire.application.ApplicationLifecycle;
import com.internhire.application.ApplicationRepository;
import com.internhire.application.Deadlines;
import com.internhire.application.HiringDeadlines;
import com.internhire.application.TurnOrder;
import com.internhire.audit.AuditTrail;
import com.internhire.candidate.Candidates;
import com.internhire.engine.ProcessEvents;
import com.internhire.notification.CandidateMessages;
import com.internhire.notification.Mailer;
import com.internhire.position.PositionRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The application lifecycle with what it writes to (status, audit, messages, deadlines) for a
 * worker slice test whose worker changes a status through it. The test provides the
 * {@code CamundaClient} (a mock) that {@link ProcessEvents} sends through.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
  ApplicationLifecycle.class,
  ApplicationRepository.class,
  Deadlines.class,
  Candidates.class,
  PositionRepository.class,
  AuditTrail.class,
  CandidateMessages.class,
  Mailer.class,
  TurnOrder.class,
  ProcessEvents.class
})
@EnableConfigurationProperties(HiringDeadlines.class)
@TestPropertySource(
    properties = {
      "hiring.mail.from=hiring@company.example",
      "hiring.mail.recruiting-leads=leads@company.example",
      "hiring.deadlines.availability=P7D",
      "hiring.deadlines.offer=P7D"
    })
public class LifecycleSlice {

  @Bean
  RecordingMailTransport mailTransport() {
    return new RecordingMailTransport();
  }
}
