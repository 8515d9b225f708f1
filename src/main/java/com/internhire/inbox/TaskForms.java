package com.internhire.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.internhire.platform.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda forms linked from user tasks (the same {@code forms/*.form} files Tasklist
 * renders), and validation of submitted answers as the form declares it: known fields
 * only, required ones present, choices among the offered values, lengths and ranges kept.
 */
@Component
class TaskForms {

  private final Map<String, JsonNode> forms = new java.util.concurrent.ConcurrentHashMap<>();
  private final ObjectMapper json;

  TaskForms(ObjectMapper json) throws IOException {
    this.json = json;
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = json.readTree(in);
        forms.put(form.path("id").asText(), form);
      }
    }
  }

  /** Keeps up with a form deployed while the service runs. */
  @org.springframework.context.event.EventListener
  void on(com.internhire.engine.ModelRedeployed redeployed) throws IOException {
    if (redeployed.fileName().endsWith(".form")) {
      JsonNode form = json.readTree(redeployed.content());
      forms.put(form.path("id").asText(), form);
    }
  }

  public Optional<JsonNode> form(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  /**
   * Validated answers, ready to become the task's completion variables. Options of a select
   * bound to process data ({@code valuesKey}) come from {@code dynamicOptions}; a field left
   * out that declares a {@code defaultValue} takes it, as the form would submit it.
   */
  Map<String, Object> validate(
      String formId, Map<String, Object> answers, Function<String, List<String>> dynamicOptions) {
    JsonNode form = form(formId).orElseThrow(() -> new IllegalStateException("Unknown form " + formId));
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    collectFields(form.path("components"), fields);
    List<DomainException.FieldError> errors = new ArrayList<>();
    Set<String> unknown = new HashSet<>(answers.keySet());
    unknown.removeAll(fields.keySet());
    unknown.stream().sorted().forEach(key -> errors.add(new DomainException.FieldError(key, "is not a field of this form")));
    Map<String, Object> accepted = new LinkedHashMap<>();
    fields.forEach(
        (key, field) -> {
          Object value = answers.containsKey(key) ? answers.get(key) : defaultValue(field);
          boolean conditional = field.has("conditional");
          if (value == null || (value instanceof String s && s.isBlank())) {
            if (field.path("validate").path("required").asBoolean(false) && !conditional) {
              errors.add(new DomainException.FieldError(key, "is required"));
            }
            return;
          }
          check(key, field, value, dynamicOptions).ifPresentOrElse(
              message -> errors.add(new DomainException.FieldError(key, message)), () -> accepted.put(key, value));
        });
    if (!errors.isEmpty()) {
      throw new DomainException(
          DomainException.Kind.INVALID,
          "invalid-form",
          "The form's answers are not valid",
          errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""),
          Map.of("errors", errors));
    }
    return accepted;
  }

  private static void collectFields(JsonNode components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collectFields(component.path("components"), fields);
      }
      String key = component.path("key").asText(null);
      boolean input = key != null && !component.path("readonly").asBoolean(false) && !component.path("disabled").asBoolean(false);
      if (input) {
        fields.put(key, component);
      }
    }
  }

  private static Object defaultValue(JsonNode field) {
    JsonNode value = field.get("defaultValue");
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isBoolean() ? value.asBoolean() : value.isNumber() ? value.numberValue() : value.asText();
  }

  private static Optional<String> check(
      String key, JsonNode field, Object value, Function<String, List<String>> dynamicOptions) {
    String type = field.path("type").asText();
    JsonNode validate = field.path("validate");
    switch (type) {
      case "radio", "select" -> {
        List<String> allowed =
            field.has("valuesKey") ? dynamicOptions.apply(field.path("valuesKey").asText()) : values(field);
        return value instanceof String text && allowed.contains(text)
            ? Optional.empty()
            : Optional.of("must be one of " + allowed);
      }
      case "checkbox" -> {
        return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
      }
      case "number" -> {
        if (!(value instanceof Number number)) {
          return Optional.of("must be a number");
        }
        BigDecimal n = new BigDecimal(number.toString());
        if (validate.has("min") && n.compareTo(validate.path("min").decimalValue()) < 0) {
          return Optional.of("must be at least " + validate.path("min").asText());
        }
        if (validate.has("max") && n.compareTo(validate.path("max").decimalValue()) > 0) {
          return Optional.of("must be at most " + validate.path("max").asText());
        }
        return Optional.empty();
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof List<?> list)) {
          return Optional.of("must be a list");
        }
        List<String> allowed = values(field);
        return list.stream().allMatch(v -> allowed.contains(String.valueOf(v)))
            ? Optional.empty()
            : Optional.of("must contain only " + allowed);
      }
      default -> {
        if (!(value instanceof String text)) {
          return Optional.of("must be text");
        }
        if (validate.has("maxLength") && text.length() > validate.path("maxLength").asInt()) {
          return Optional.of("must be at most " + validate.path("maxLength").asInt() + " characters");
        }
        if (validate.has("minLength") && text.length() < validate.path("minLength").asInt()) {
          return Optional.of("must be at least " + validate.path("minLength").asInt() + " characters");
        }
        if (validate.has("pattern") && !text.matches(validate.path("pattern").asText())) {
          return Optional.of("has the wrong format");
        }
        return Optional.empty();
      }
    }
  }

  private static List<String> values(JsonNode field) {
    List<String> values = new ArrayList<>();
    field.path("values").forEach(v -> values.add(v.path("value").asText()));
    return values;
  }
}
