package uk.nhs.pathways.sitedirectory.cohort.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

/**
 * {@code GET /sites/{id}/classes}: under the site in the API, but in the class feature, which knows
 * sites (the site feature does not know classes).
 */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteClassesResource {

    @Inject
    SiteDirectory directory;

    @Inject
    Classes classes;

    @GET
    @Path("/{id}/classes")
    @Authenticated
    @Tag(name = "Sites")
    @Operation(summary = "Every class at the site (any status), soonest first")
    @APIResponse(responseCode = "404", description = "No such site")
    public List<ClassResponse> classes(@PathParam("id") String id) {
        directory.find(id).orElseThrow(() -> ProblemException.notFound("site " + id));
        return classes.atSite(id).stream().map(c -> ClassResponse.of(c, null)).toList();
    }
}
