package uk.nhs.pathways.sitedirectory.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uk.nhs.pathways.platform.problem.Problem;

/**
 * A write that lost a race the row lock did not prevent (the version moved between read and write):
 * 409, so the client fetches the current state and decides again. Updates take the row lock before
 * checking If-Match, so this is the rare path; 412 is the usual answer to a stale ETag.
 */
public class ConcurrentUpdateMapper {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    private static Response conflict(UriInfo uri) {
        return Response.status(409)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        "about:blank",
                        "Conflict",
                        409,
                        "Someone else changed this at the same moment; fetch it again and retry",
                        uri.getPath(),
                        java.util.List.of()))
                .build();
    }
}
