package com.internhire.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.application.ApplicationStatus;
import com.internhire.platform.security.Roles;
import com.internhire.platform.security.SecurityProperties;
import com.internhire.platform.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What a page shows about one application: where it stands, the facts a reviewer decides on
 * (education, experience, skills, availability, the screening result), its open tasks and
 * the candidate's other application with its turn (R2).
 *
 * <p>Personal data (R8) only as far as the role needs it: recruiters and recruiting leads,
 * who contact candidates and schedule interviews, see name, e-mail and phone; interviewers
 * and hiring managers, who meet the candidate, see the name; auditors and process owners
 * see none (they judge decisions, not people).
 */
@Service
class ApplicationDetails {

  private static final Set<String> CONTACT = Set.of(Roles.RECRUITER, Roles.RECRUITING_LEAD);
  private static final Set<String> NAME_ONLY = Set.of(Roles.INTERVIEWER, Roles.HIRING_MANAGER);

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TaskRows tasks;
  private final SecurityProperties security;

  ApplicationDetails(JdbcClient jdbc, ObjectMapper json, TaskRows tasks, SecurityProperties security) {
    this.jdbc = jdbc;
    this.json = json;
    this.tasks = tasks;
    this.security = security;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Details(
      UUID applicationId,
      String positionId,
      String positionTitle,
      int slot,
      String status,
      String stage,
      boolean concluded,
      Instant submittedAt,
      Instant closedAt,
      LocalDate startDate,
      LocalDate endDate,
      Map<String, Object> availability,
      boolean cohortFit,
      Map<String, Object> education,
      String englishLevel,
      List<Object> skills,
      List<Object> experience,
      Map<String, Object> screening,
      Map<String, Object> seat,
      List<Map<String, Object>> openTasks,
      OtherApplication otherApplication,
      Map<String, Object> candidate) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OtherApplication(
      UUID applicationId, String positionId, String positionTitle, int slot, String status, String stage,
      boolean concluded, Instant submittedAt, String relation, String turn) {}

  /** A line of the applications list: no personal data. */
  record Summary(
      UUID applicationId, String positionId, int slot, String status, String stage, boolean concluded,
      Instant submittedAt, Instant closedAt, Integer screeningScore, String screeningRecommendation) {}

  private record Row(
      UUID id, UUID candidateId, String positionId, String positionTitle, int slot, ApplicationStatus status,
      Instant submittedAt, Instant closedAt, LocalDate startDate, LocalDate endDate, LocalDate availabilityStart,
      LocalDate availabilityEnd, boolean cohortFit, String educationLevel, String fieldOfStudy, boolean enrolled,
      String expectedGraduation, String englishLevel, String skills, String experience, Integer screeningScore,
      String screeningRecommendation, Integer screeningPriority, Instant reviewDueAt, UUID waitsFor) {}

  private static final String SELECT =
      """
      select a.id, a.candidate_id, a.position_id, p.title, a.slot, a.status, a.submitted_at, a.closed_at,
             a.start_date, a.end_date, a.availability_start, a.availability_end, a.cohort_fit, a.education_level,
             a.field_of_study, a.enrolled, a.expected_graduation, a.english_level, a.skills, a.experience,
             s.score as screening_score, s.recommendation as screening_recommendation,
             s.priority as screening_priority, s.review_due_at, a.waits_for
        from application a join position p on p.id = a.position_id
        left join screening_result s on s.application_id = a.id
      """;

  Details of(UUID id, Authentication user) {
    Row row = find(id).orElseThrow(() -> DomainException.notFound("application", id));
    Map<String, Object> availability = null;
    if (row.availabilityStart() != null) {
      availability = new LinkedHashMap<>();
      availability.put("start", row.availabilityStart());
      availability.put("end", row.availabilityEnd());
    }
    Map<String, Object> education = new LinkedHashMap<>();
    education.put("level", row.educationLevel());
    education.put("field", row.fieldOfStudy());
    education.put("enrolled", row.enrolled());
    education.put("expectedGraduation", row.expectedGraduation());
    Map<String, Object> screening = null;
    if (row.screeningScore() != null) {
      screening = new LinkedHashMap<>();
      screening.put("score", row.screeningScore());
      screening.put("recommendation", row.screeningRecommendation());
      screening.put("priority", row.screeningPriority());
      screening.put("reviewDueAt", row.reviewDueAt());
    }
    Set<String> roles = Roles.of(user);
    Set<String> groups = new java.util.HashSet<>();
    roles.forEach(role -> groups.addAll(security.roleGroups().getOrDefault(role, List.of())));
    List<Map<String, Object>> open = new ArrayList<>();
    for (TaskRows.TaskRow task : tasks.of(id)) {
      if (task.open()) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskId", task.taskId());
        t.put("name", task.name());
        t.put("elementId", task.elementId());
        t.put("candidateGroups", task.candidateGroups());
        t.put("assignee", task.assignee());
        t.put("createdAt", task.createdAt());
        t.put("dueAt", task.dueAt());
        t.put("overdue", task.overdue());
        // whether the caller works in one of the task's groups (the page links it then)
        t.put("mine", task.candidateGroups().stream().anyMatch(groups::contains));
        open.add(t);
      }
    }
    return new Details(
        row.id(),
        row.positionId(),
        row.positionTitle(),
        row.slot(),
        row.status().name(),
        row.status().plainWords(),
        row.closedAt() != null,
        row.submittedAt(),
        row.closedAt(),
        row.startDate(),
        row.endDate(),
        availability,
        row.cohortFit(),
        education,
        row.englishLevel(),
        list(row.skills()),
        list(row.experience()),
        screening,
        seat(id),
        open,
        other(row).orElse(null),
        candidate(row.candidateId(), roles));
  }

  List<Summary> list(String status, String positionId, int limit) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (status != null && !status.isBlank()) {
      where.append(" and a.status = :status");
      params.put("status", status);
    }
    if (positionId != null && !positionId.isBlank()) {
      where.append(" and a.position_id = :position");
      params.put("position", positionId);
    }
    params.put("limit", Math.max(1, Math.min(limit, 1000)));
    return jdbc.sql(SELECT + where + " order by a.submitted_at desc, a.id limit :limit")
        .params(params)
        .query(ApplicationDetails::row)
        .list()
        .stream()
        .map(r -> new Summary(r.id(), r.positionId(), r.slot(), r.status().name(), r.status().plainWords(),
            r.closedAt() != null, r.submittedAt(), r.closedAt(), r.screeningScore(), r.screeningRecommendation()))
        .toList();
  }

  private Optional<Row> find(UUID id) {
    return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ApplicationDetails::row).optional();
  }

  /** The candidate's other application (R1 allows two) and whose turn it is (R2). */
  private Optional<OtherApplication> other(Row row) {
    return jdbc.sql(SELECT + " where a.candidate_id = :c and a.id <> :id order by a.slot")
        .param("c", row.candidateId())
        .param("id", row.id())
        .query(ApplicationDetails::row)
        .list()
        .stream()
        .findFirst()
        .map(o -> {
          String relation;
          String turn;
          if (row.id().equals(o.waitsFor())) {
            relation = "WAITS_FOR_THIS";
            turn = o.status() == ApplicationStatus.WAITING_TURN
                ? "The candidate's later application waits until this one concludes."
                : "The candidate's later application waited for this one; " + turnOutcome(o);
          } else if (o.id().equals(row.waitsFor())) {
            relation = "THIS_WAITS_FOR_IT";
            turn = row.status() == ApplicationStatus.WAITING_TURN
                ? "This application waits its turn until the candidate's earlier application concludes."
                : "This application waited for the candidate's earlier application; " + turnOutcome(row);
          } else {
            relation = "INDEPENDENT";
            turn = o.slot() < row.slot()
                ? "The candidate's earlier application had concluded when this one was submitted."
                : "This application had concluded when the candidate submitted the other one.";
          }
          return new OtherApplication(o.id(), o.positionId(), o.positionTitle(), o.slot(), o.status().name(),
              o.status().plainWords(), o.closedAt() != null, o.submittedAt(), relation, turn);
        });
  }

  private static String turnOutcome(Row waiting) {
    return waiting.status() == ApplicationStatus.HIRED_ELSEWHERE
        ? "it was closed when that one ended in a hire."
        : "its turn came when that one concluded without a hire.";
  }

  private Map<String, Object> seat(UUID id) {
    return jdbc.sql("select start_date, state from cohort_seat where application_id = :id")
        .param("id", id)
        .query((rs, n) -> {
          Map<String, Object> seat = new LinkedHashMap<>();
          seat.put("startDate", rs.getObject(1, LocalDate.class));
          seat.put("state", rs.getString(2));
          return seat;
        })
        .optional()
        .orElse(null);
  }

  private Map<String, Object> candidate(UUID candidateId, Set<String> roles) {
    boolean contact = roles.stream().anyMatch(CONTACT::contains);
    boolean name = contact || roles.stream().anyMatch(NAME_ONLY::contains);
    if (!name) {
      return null;
    }
    return jdbc.sql("select name, email, phone from candidate where id = :id")
        .param("id", candidateId)
        .query((rs, n) -> {
          Map<String, Object> candidate = new LinkedHashMap<>();
          candidate.put("name", rs.getString("name"));
          if (contact) {
            candidate.put("email", rs.getString("email"));
            candidate.put("phone", rs.getString("phone"));
          }
          return candidate;
        })
        .optional()
        .orElse(null);
  }

  private List<Object> list(String jsonArray) {
    if (jsonArray == null || jsonArray.isBlank()) {
      return List.of();
    }
    try {
      return json.readerForListOf(Object.class).readValue(jsonArray);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("candidate_id", UUID.class),
        rs.getString("position_id"),
        rs.getString("title"),
        rs.getInt("slot"),
        ApplicationStatus.valueOf(rs.getString("status")),
        instant(rs.getObject("submitted_at", OffsetDateTime.class)),
        instant(rs.getObject("closed_at", OffsetDateTime.class)),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        rs.getObject("availability_start", LocalDate.class),
        rs.getObject("availability_end", LocalDate.class),
        rs.getBoolean("cohort_fit"),
        rs.getString("education_level"),
        rs.getString("field_of_study"),
        rs.getBoolean("enrolled"),
        rs.getString("expected_graduation"),
        rs.getString("english_level"),
        rs.getString("skills"),
        rs.getString("experience"),
        (Integer) rs.getObject("screening_score"),
        rs.getString("screening_recommendation"),
        (Integer) rs.getObject("screening_priority"),
        instant(rs.getObject("review_due_at", OffsetDateTime.class)),
        rs.getObject("waits_for", UUID.class));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
