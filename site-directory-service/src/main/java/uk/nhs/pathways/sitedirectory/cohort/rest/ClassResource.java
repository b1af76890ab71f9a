package uk.nhs.pathways.sitedirectory.cohort.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.rest.Preconditions;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

@Path("/classes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classes", description = "Cohorts of an ESCAPE-pain course at a site: schedule, capacity, places taken")
public class ClassResource {

    @Inject
    Classes classes;

    @Inject
    SiteDirectory directory;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One class; its ETag is the version to send in If-Match when changing it")
    @APIResponse(responseCode = "404", description = "No such class")
    public Response get(@PathParam("id") String id) {
        return withEtag(cohort(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Add a class at a site",
            description = "Admin at any site; a provider at its own sites only (403 otherwise). Not at a CEASED site.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new class")
    @APIResponse(responseCode = "400", description = "Invalid class: every field at fault is named (problem+json)")
    public Response add(@NotNull ClassRequest request, @Context UriInfo uri) {
        if (request.siteId() != null) {
            directory
                    .find(request.siteId())
                    .ifPresent(this::requireOwnSite); // an unknown site is a 400 from the service
        }
        Cohort cohort = classes.add(request.details());
        return Preconditions.created(
                uri.getAbsolutePathBuilder().path(cohort.id).build(), ClassResponse.of(cohort, null), cohort.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Replace a class's details",
            description =
                    "Needs If-Match with the class's current ETag: 412 if someone (or a place reserved) changed it "
                            + "meanwhile, 428 without it. Places taken are not sent: the directory counts the places it reserved.")
    @APIResponse(responseCode = "400", description = "Invalid class: every field at fault is named (problem+json)")
    @APIResponse(responseCode = "412", description = "The class changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @NotNull ClassRequest request) {
        requireOwnSite(cohort(id).site);
        long expected = Preconditions.expectedVersion(ifMatch, "class");
        return withEtag(classes.update(id, expected, request.details()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Retire a class: CANCELLED, kept in the directory and on the classes topic as such",
            description = "Needs If-Match.")
    @APIResponse(responseCode = "412", description = "The class changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        requireOwnSite(cohort(id).site);
        return withEtag(classes.cancel(id, Preconditions.expectedVersion(ifMatch, "class")));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Delete a class entered by mistake (a tombstone on the classes topic)",
            description = "Needs If-Match. Only a class with no places taken; any other is cancelled instead (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Places are taken: cancel it instead")
    @APIResponse(responseCode = "412", description = "The class changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        requireOwnSite(cohort(id).site);
        classes.delete(id, Preconditions.expectedVersion(ifMatch, "class"));
        return Response.noContent().build();
    }

    private Cohort cohort(String id) {
        return classes.find(id).orElseThrow(() -> ProblemException.notFound("class " + id));
    }

    private static Response withEtag(Cohort cohort) {
        return Preconditions.ok(ClassResponse.of(cohort, null), cohort.version);
    }

    private void requireOwnSite(Site site) {
        if (!caller.is(Roles.ADMIN) && !caller.requireOrganisation().equals(site.provider.id)) {
            throw new ForbiddenException("a provider manages only the classes at its own sites");
        }
    }
}
