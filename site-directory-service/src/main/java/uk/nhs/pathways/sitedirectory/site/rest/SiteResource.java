package uk.nhs.pathways.sitedirectory.site.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.sitedirectory.rest.Preconditions;
import uk.nhs.pathways.sitedirectory.rest.QueryParams;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.domain.SiteStatusChange;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Places where ESCAPE-pain is delivered")
public class SiteResource {

    @Inject
    SiteDirectory directory;

    @Inject
    Caller caller;

    public record StatusChangeView(
            SiteStatus status, LocalDate effectiveOn, OffsetDateTime recordedAt, String recordedBy) {
        static StatusChangeView of(SiteStatusChange c) {
            return new StatusChangeView(c.status, c.effectiveOn, c.recordedAt, c.recordedBy);
        }
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One site; its ETag is the version to send in If-Match when changing it")
    @APIResponse(responseCode = "404", description = "No such site")
    public Response get(@PathParam("id") String id) {
        return withEtag(site(id));
    }

    @GET
    @Path("/{id}/status-history")
    @Authenticated
    @Operation(summary = "Every status the site has had, oldest first, with the date each took effect")
    @APIResponse(responseCode = "404", description = "No such site")
    public List<StatusChangeView> history(@PathParam("id") String id) {
        site(id);
        return directory.history(id).stream().map(StatusChangeView::of).toList();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Add a site",
            description = "Admin for any provider; a provider for its own organisation only (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Created; Location names the new site")
    @APIResponse(responseCode = "400", description = "Invalid site (problem+json names the field)")
    public Response add(@Valid @NotNull SiteRequest request, @Context UriInfo uri) {
        requireOwnProvider(request.providerId());
        Site site = directory.addSite(request.details(), caller.user());
        return Preconditions.created(
                uri.getAbsolutePathBuilder().path(site.id).build(), SiteResponse.of(site, null), site.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Replace a site's details",
            description =
                    "Needs If-Match with the site's current ETag: 412 if someone changed it meanwhile, 428 without "
                            + "it. A new status is kept in the site's history from statusSince (today if omitted); CEASED "
                            + "cancels every class still to run there.")
    @APIResponse(responseCode = "400", description = "Invalid site (problem+json names the field)")
    @APIResponse(responseCode = "412", description = "The site changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SiteRequest request) {
        ownSite(id);
        requireOwnProvider(request.providerId());
        long expected = Preconditions.expectedVersion(ifMatch, "site");
        return withEtag(directory.updateSite(id, expected, request.details(), caller.user()));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Retire a site: CEASED from effectiveOn (today if omitted), its classes still to run cancelled",
            description = "Needs If-Match. The site stays in the directory as CEASED, so sites that stopped delivering "
                    + "are still counted; its events say so (full state, status CEASED).")
    @APIResponse(responseCode = "412", description = "The site changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response retire(
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("effectiveOn") @Parameter(description = "ISO date, not in the future") String effectiveOn) {
        ownSite(id);
        long expected = Preconditions.expectedVersion(ifMatch, "site");
        return withEtag(directory.retire(id, expected, QueryParams.date(effectiveOn, "effectiveOn"), caller.user()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(
            summary = "Delete a site entered by mistake (a tombstone on the sites topic)",
            description = "Needs If-Match. Only a site that never delivered (never ACTIVE) and never had a class; "
                    + "any other is retired instead (409), so it is still counted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The site delivered or has classes: retire it instead")
    @APIResponse(responseCode = "412", description = "The site changed since the ETag sent")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        ownSite(id);
        directory.delete(id, Preconditions.expectedVersion(ifMatch, "site"));
        return Response.noContent().build();
    }

    private Site site(String id) {
        return directory.find(id).orElseThrow(() -> ProblemException.notFound("site " + id));
    }

    /** 404 if there is no such site, 403 if it is another provider's. */
    private void ownSite(String id) {
        requireOwnProvider(site(id).provider.id);
    }

    private static Response withEtag(Site site) {
        return Preconditions.ok(SiteResponse.of(site, null), site.version);
    }

    private void requireOwnProvider(String providerId) {
        if (!caller.is(Roles.ADMIN) && !caller.requireOrganisation().equals(providerId)) {
            throw new ForbiddenException("a provider manages only its own sites");
        }
    }
}
