package uk.nhs.pathways.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal (RFC 9457 problem+json) as a form shows it: a message per field, next to its
 * input, and the problem's detail above the form.
 */
public record ApiProblem(int status, String title, String detail, Map<String, String> fieldErrors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ApiProblem of(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        Map<String, String> fields = new LinkedHashMap<>();
        String title = "The request was refused";
        String detail = "";
        try {
            String body = refused.getResponse().readEntity(String.class);
            JsonNode problem = JSON.readTree(body == null ? "{}" : body);
            title = problem.path("title").asText(title);
            detail = problem.path("detail").asText("");
            for (JsonNode error : problem.path("errors")) {
                // "book.arg1.classId" and "classId" both name the input "classId".
                String field = error.path("field").asText("");
                String input = field.substring(field.lastIndexOf('.') + 1);
                fields.merge(input, error.path("message").asText(""), (a, b) -> a + "; " + b);
            }
        } catch (Exception unreadable) {
            // Not problem+json: the status alone says enough.
        }
        return new ApiProblem(status, title, detail, fields);
    }

    /** A message for the page's error summary. */
    public String summary() {
        return detail.isBlank() ? title : detail;
    }

    public boolean hasFieldErrors() {
        return !fieldErrors.isEmpty();
    }
}
