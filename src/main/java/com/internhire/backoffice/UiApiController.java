package com.internhire.backoffice;

import com.internhire.platform.DomainException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read models of the web pages, under {@code /api/ui}: usable with HTTP Basic like the rest
 * of the API, and with a page's sign-in session. Who may call which is in
 * {@code SecurityConfiguration} (the API chain).
 */
@RestController
@RequestMapping("/api/ui")
class UiApiController {

  private final ApplicationDetails details;
  private final JourneyService journeys;
  private final ModelDiagrams models;
  private final DashboardQueries dashboard;

  UiApiController(ApplicationDetails details, JourneyService journeys, ModelDiagrams models, DashboardQueries dashboard) {
    this.details = details;
    this.journeys = journeys;
    this.models = models;
    this.dashboard = dashboard;
  }

  /** Applications, newest first; no personal data (staff). */
  @GetMapping("/applications")
  List<ApplicationDetails.Summary> applications(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String positionId,
      @RequestParam(defaultValue = "200") int limit) {
    return details.list(status, positionId, limit);
  }

  /** Where an application stands, its details, open tasks and the candidate's other application (staff; contact data by role). */
  @GetMapping("/applications/{id}")
  ApplicationDetails.Details application(@PathVariable UUID id, Authentication user) {
    return details.of(id, user);
  }

  /** The path through the models with who decided each step (auditors, recruiters, recruiting leads). */
  @GetMapping("/applications/{id}/journey")
  JourneyService.Journey journey(@PathVariable UUID id) {
    return journeys.of(id);
  }

  /** The deployed BPMN of a process, for bpmn-js (staff). */
  @GetMapping("/models/{processId}")
  ResponseEntity<String> model(@PathVariable String processId) {
    String xml = models.xml(processId).orElseThrow(() -> DomainException.notFound("process", processId));
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.APPLICATION_XML).body(xml);
  }

  /** The hiring dashboard, for all positions or one (recruiting leads, process owners). */
  @GetMapping("/dashboard")
  DashboardQueries.Dashboard dashboard(@RequestParam(required = false) String positionId) {
    return dashboard.of(positionId);
  }
}
