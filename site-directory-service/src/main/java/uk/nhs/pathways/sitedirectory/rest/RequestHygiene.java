package uk.nhs.pathways.sitedirectory.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.nhs.pathways.platform.problem.ProblemException;

/**
 * What no client should send, turned away before it reaches a resource, as a problem and never a server
 * error: a Content-Type on a request that has no body (ignored: it is not refused with 415), and a path or
 * query parameter holding a character no id or value here has (control characters, NUL above all, which
 * PostgreSQL cannot even compare; and what undecodable bytes decode to).
 */
public class RequestHygiene {

    /** Methods whose requests here never carry a body. */
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public void filter(ContainerRequestContext request) {
        if (WITHOUT_BODY.contains(request.getMethod())) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
        if (!safe(request.getUriInfo().getPath())) {
            // an id with such a character names nothing: 404, like any other unknown id
            throw new ProblemException(404, "Not found", "No such resource", List.of());
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (!safe(parameter.getKey()) || !parameter.getValue().stream().allMatch(RequestHygiene::safe)) {
                throw ProblemException.badField(
                        safe(parameter.getKey()) ? parameter.getKey() : "query",
                        "holds a character no value may have (a control character)");
            }
        }
    }

    /** No control character, and nothing that stood for bytes that were not UTF-8. */
    static boolean safe(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) || c == '\uFFFD');
    }
}
