package uk.nhs.pathways.sitedirectory.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import uk.nhs.pathways.platform.problem.ProblemException;

/** Optimistic concurrency over HTTP: the ETag is the row's version, If-Match must name the current one. */
public final class Preconditions {

    private Preconditions() {}

    /** 200 with the resource and its ETag. */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    /** 201 naming the new resource, with it and its ETag. */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).tag(etag(version)).entity(body).build();
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names: 428 without one, 412 when it is not one of ours. */
    public static long expectedVersion(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428, "Precondition required", "send If-Match with the " + what + "'s ETag", List.of());
        }
        try {
            return Long.parseLong(
                    ifMatch.trim().replaceFirst("^W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    412, "Precondition failed", "If-Match is not an ETag of this " + what, List.of());
        }
    }
}
