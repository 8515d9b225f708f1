package com.internhire.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.support.ProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.EvaluateDecisionResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The screening rules (R6, R7, R5 priority), table-driven through the engine's own DMN
 * evaluation: the same call the screening worker makes.
 */
@ZeebeProcessTest
class ScreeningDecisionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  @BeforeEach
  void deploy() {
    new ProcessDriver(engine, client).deployAll();
  }

  /** A strong candidate; each row changes one thing. */
  private static Map<String, Object> strong() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("enrolled", true);
    facts.put("educationLevel", "MASTER");
    facts.put("fieldOfStudy", "Statistics");
    facts.put("experience", List.of(Map.of("kind", "INTERNSHIP", "domain", "DATA", "months", 6)));
    facts.put("skills", List.of("SQL", "PYTHON", "EXCEL", "TABLEAU"));
    facts.put("englishLevel", "BUSINESS");
    facts.put("cohortFit", true);
    return facts;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          strong candidate, fits a cohort          | -                                  | true  | ADVANCE  | 90
          no cohort fit ranks lower                | cohortFit=false                    | true  | ADVANCE  | 70
          not enrolled                             | enrolled=false                     | false | REJECT   | 20
          field not quantitative                   | fieldOfStudy=History of Art        | false | REJECT   | 20
          applied mathematics is quantitative      | fieldOfStudy=Applied Mathematics   | true  | ADVANCE  | 90
          computer science, any case               | fieldOfStudy=COMPUTER SCIENCE      | true  | ADVANCE  | 90
          economics is quantitative                | fieldOfStudy=Economics             | true  | ADVANCE  | 90
          no analytics experience                  | experience=JOB/DATA/12             | false | REJECT   | 20
          a business-analysis project counts       | experience=PROJECT/BUSINESS_ANALYSIS/2 | true | ADVANCE | 90
          software internship does not count       | experience=INTERNSHIP/SOFTWARE/12  | false | REJECT   | 20
          no preferred skills                      | skills=                            | true  | CONSIDER | 60
          no preferred skills and no fit           | skills=;cohortFit=false            | true  | CONSIDER | 40
          not qualified and no fit                 | enrolled=false;cohortFit=false     | false | REJECT   | 10
          """)
  void screens(String description, String changes, boolean meetsMinimum, String recommendation, int priority)
      throws Exception {
    Map<String, Object> facts = strong();
    apply(facts, changes);

    JsonNode result = evaluate(facts);

    assertThat(result.path("meetsMinimum").asBoolean()).as(description).isEqualTo(meetsMinimum);
    assertThat(result.path("recommendation").asText()).as(description).isEqualTo(recommendation);
    assertThat(result.path("priority").asInt()).as(description).isEqualTo(priority);
    assertThat(result.path("minimumReason").asText()).as(description).isNotBlank();
    assertThat(result.path("score").asInt()).as(description).isBetween(0, 100);
  }

  @ParameterizedTest(name = "[{index}] {0} scores {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          nothing preferred                        | skills=;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 0
          SQL                                      | skills=SQL;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 15
          Python or R                              | skills=R;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 15
          Excel                                    | skills=EXCEL;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 5
          a visualisation tool                     | skills=POWER BI;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 15
          business English                         | skills=;englishLevel=BUSINESS;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3 | 20
          graduate degree                          | skills=;englishLevel=BASIC;educationLevel=PHD;experience=INTERNSHIP/DATA/3 | 10
          six months of analytics                  | skills=;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/6 | 10
          ads or marketing is a plus               | skills=;englishLevel=BASIC;educationLevel=BACHELOR;experience=INTERNSHIP/DATA/3,JOB/ADS_MARKETING/1 | 10
          everything preferred                     | skills=SQL,PYTHON,EXCEL,THINK-CELL;englishLevel=NATIVE;educationLevel=MASTER;experience=INTERNSHIP/DATA/6,JOB/ADS_MARKETING/1 | 100
          """)
  void scoresPreferredQualifications(String description, String changes, int score) throws Exception {
    Map<String, Object> facts = strong();
    apply(facts, changes);
    assertThat(evaluate(facts).path("score").asInt()).as(description).isEqualTo(score);
  }

  @Test
  void theEvaluationReportsVersionInputsAndMatchedRulesForTheAudit() {
    EvaluateDecisionResponse response =
        client.newEvaluateDecisionCommand().decisionId("screening").variables(strong()).send().join();

    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionRequirementsId()).isEqualTo("screening-rules");
    assertThat(response.getEvaluatedDecisions())
        .extracting(d -> d.getDecisionId())
        .contains("minimumQualifications", "preferredQualificationsScore", "screening");
    assertThat(response.getEvaluatedDecisions())
        .filteredOn(d -> d.getDecisionId().equals("minimumQualifications"))
        .allSatisfy(d -> {
          assertThat(d.getEvaluatedInputs()).isNotEmpty();
          assertThat(d.getMatchedRules()).hasSize(1);
        });
  }

  private JsonNode evaluate(Map<String, Object> facts) throws Exception {
    EvaluateDecisionResponse response =
        client.newEvaluateDecisionCommand().decisionId("screening").variables(facts).send().join();
    assertThat(response.getFailureMessage()).isNullOrEmpty();
    return JSON.readTree(response.getDecisionOutput());
  }

  /** Applies "name=value;name=value"; experience as kind/domain/months[,...], lists comma-separated. */
  private static void apply(Map<String, Object> facts, String changes) {
    if (changes == null || changes.equals("-")) {
      return;
    }
    for (String change : changes.split(";")) {
      String[] nameValue = change.split("=", 2);
      String name = nameValue[0].trim();
      String value = nameValue.length > 1 ? nameValue[1].trim() : "";
      switch (name) {
        case "enrolled", "cohortFit" -> facts.put(name, Boolean.parseBoolean(value));
        case "skills" -> facts.put(name, value.isEmpty() ? List.of() : List.of(value.split(",")));
        case "experience" ->
            facts.put(
                name,
                List.of(value.split(",")).stream()
                    .map(e -> e.split("/"))
                    .map(p -> Map.<String, Object>of("kind", p[0], "domain", p[1], "months", Integer.parseInt(p[2])))
                    .toList());
        default -> facts.put(name, value);
      }
    }
  }
}
