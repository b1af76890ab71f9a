package uk.nhs.pathways.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error into an RFC 9457 problem+json body. Details never echo submitted values, so no
 * personal data leaks into responses or logs; unexpected errors are logged with an id the caller sees.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Invalid request", detail, uri, errors);
    }

    /** Declared for the exact type so it wins over Quarkus' built-in mapper of it. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message = e instanceof InvalidFormatException
                    ? "has the wrong format or an unknown value"
                    : "has the wrong type";
            return respond(
                    400,
                    "Invalid request",
                    field + ": " + message,
                    uri,
                    List.of(new Problem.FieldError(field, message)));
        }
        return respond(400, "Malformed JSON", "The request body is not valid JSON for this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This representation is not available";
            case 415 -> "Send the body as application/json";
            default -> status.getReasonPhrase();
        };
        return respond(status.getStatusCode(), status.getReasonPhrase(), detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web) {
            return web(web, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
        return respond(
                500, "Internal error", "Something went wrong on our side; quote error id " + errorId, uri, List.of());
    }

    private Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(401, "Unauthorized", "A valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "submit.request.patient.postcode" becomes "patient.postcode": the body's own field names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.getName() != null) {
                        names.add(node.getName());
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return parameter != null ? parameter : "request";
        }
        return String.join(".", names);
    }
}
