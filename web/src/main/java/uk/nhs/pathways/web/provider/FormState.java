package uk.nhs.pathways.web.provider;

import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.pathways.web.support.ApiProblem;

/**
 * One form as the page shows it again after a refusal: what was typed (kept) and a message per field, next
 * to its input and in the error summary; {@code summary} is a refusal that names no field.
 */
public final class FormState {

    public static final FormState NONE = new FormState("", Map.of());

    /** The form's id prefix: a field "score" of form "measure" is the input with id "measure-score". */
    private final String form;

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String summary;

    public FormState(String form, Map<String, String> values) {
        this.form = form;
        this.values = values;
    }

    public static FormState of(String form, Map<String, String> values) {
        return new FormState(form, new LinkedHashMap<>(values));
    }

    public FormState error(String field, String message) {
        errors.merge(field, message, (a, b) -> a + "; " + b);
        return this;
    }

    /** A refusal that belongs to no one field: shown above the form. */
    public FormState refusal(String message) {
        summary = summary == null ? message : summary + "; " + message;
        return this;
    }

    /** The service's refusal: its field errors next to the fields; one naming no field of the form, above it. */
    public FormState refusedBy(WebApplicationException refused, List<String> fields) {
        ApiProblem problem = ApiProblem.of(refused);
        problem.fieldErrors().forEach((field, message) -> {
            if (fields.contains(field)) {
                error(field, message);
            } else {
                summary = summary == null ? message : summary + "; " + message;
            }
        });
        if (!problem.hasFieldErrors()) {
            summary = problem.summary();
        }
        return this;
    }

    public boolean isFor(String name) {
        return form.equals(name);
    }

    public boolean invalid() {
        return !errors.isEmpty() || summary != null;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether a radio or checkbox with this value was chosen (several values: comma-separated). */
    public boolean chose(String field, String option) {
        return List.of(value(field).split(",")).contains(option);
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String id(String field) {
        return form + "-" + field;
    }

    public String summary() {
        return summary;
    }

    /** Every message, each linked to its input, for the error summary. */
    public List<Map.Entry<String, String>> links() {
        return errors.entrySet().stream()
                .map(e -> Map.entry("#" + id(e.getKey()), e.getValue()))
                .toList();
    }

    public String form() {
        return form;
    }

    /** What was typed, to add a value the form carries (e.g. the version being changed). */
    public Map<String, String> values() {
        return values;
    }
}
