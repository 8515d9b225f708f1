package com.internhire.platform.metrics;

import static com.internhire.support.Submissions.freshEmail;
import static com.internhire.support.Submissions.strong;
import static org.assertj.core.api.Assertions.assertThat;

import com.internhire.support.Eventually;
import com.internhire.support.Journey;
import com.internhire.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** The hiring metrics a process owner watches, on /actuator/prometheus after a few applications. */
class PrometheusMetricsTest extends ServiceTest {

  @Test
  void stagesReviewsJobsAndHealthAreExposed() {
    Journey journey = new Journey(api());
    for (int i = 0; i < 3; i++) {
      var submitted = journey.submit(strong(freshEmail()));
      journey.task("recruiter", submitted.id(), "Task_ReviewApplication");
    }

    String metrics =
        Eventually.until(
            "the gauges to refresh",
            () -> api().get("/actuator/prometheus").text(),
            text -> text.contains("hiring_applications{status=\"IN_REVIEW\"}") && text.contains("hiring_reviews_open "));

    assertThat(metrics)
        .contains("hiring_reviews_overdue ", "hiring_reviews_oldest_age_seconds ")
        .contains("camunda_job_invocations_total{action=\"completed\",type=\"screen-application\"}");
    assertThat(metrics).doesNotContain("@example.edu");
    var health = api().as("owner").get("/actuator/health").body();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").has("db")).isTrue();
    assertThat(health.path("components").has("camundaClient")).isTrue();
  }
}
