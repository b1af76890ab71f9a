package uk.nhs.pathways.platform.problem;

import java.util.List;

/** A request the service refuses for a reason the caller can act on; becomes a problem+json response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(
                400, "Invalid request", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " was not found", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
