package uk.nhs.pathways.sitedirectory.site.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.sitedirectory.site.domain.Joint;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

import java.util.List;

@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Places where ESCAPE-pain is delivered")
public class SiteResource {

    @Inject
    SiteDirectory directory;

    @Inject
    Caller caller;

    /** One page of search results, with the total that matched. */
    public record SitePage(List<SiteView> items, int page, int size, long total) {
    }

    @GET
    @Authenticated
    @Operation(summary = "Sites near a postcode, nearest first",
            description = "Any signed-in role. Only ACTIVE sites unless includeInactive=true.")
    public SitePage near(@QueryParam("postcode") @NotBlank String postcode,
                         @QueryParam("within") @DefaultValue("25000") @Min(100) @Max(200_000) long within,
                         @QueryParam("programme") Joint programme,
                         @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var found = directory.near(postcode, within, programme, !includeInactive);
        List<SiteView> items = found.stream().skip((long) page * size).limit(size)
                .map(d -> SiteView.of(d.site(), d.metres())).toList();
        return new SitePage(items, page, size, found.size());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One site; its ETag is the version to send in If-Match when updating it")
    @APIResponse(responseCode = "404", description = "No such site")
    public Response get(@PathParam("id") String id) {
        Site site = directory.find(id).orElseThrow(() -> ProblemException.notFound("site " + id));
        return Response.ok(SiteView.of(site, null)).tag(etag(site)).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(summary = "Add a site", description = "Admin for any provider; a provider for its own organisation only (403 otherwise).")
    @APIResponse(responseCode = "201", description = "Created; Location names the new site")
    @APIResponse(responseCode = "400", description = "Invalid site (problem+json names the field)")
    public Response add(@Valid @NotNull SiteRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        requireOwnProvider(request.providerId());
        Site site = directory.addSite(request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(site.id).build())
                .tag(etag(site)).entity(SiteView.of(site, null)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PROVIDER})
    @Operation(summary = "Replace a site's details",
            description = "Needs If-Match with the site's current ETag: 412 if someone changed it meanwhile, 428 without it.")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull SiteRequest request) {
        Site current = directory.find(id).orElseThrow(() -> ProblemException.notFound("site " + id));
        requireOwnProvider(current.provider.id);
        requireOwnProvider(request.providerId());
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition required", "send If-Match with the site's ETag", List.of());
        }
        long expected;
        try {
            expected = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition failed", "If-Match is not an ETag of this site", List.of());
        }
        Site site = directory.updateSite(id, expected, request.details());
        return Response.ok(SiteView.of(site, null)).tag(etag(site)).build();
    }

    private void requireOwnProvider(String providerId) {
        if (!caller.is(Roles.ADMIN) && !caller.requireOrganisation().equals(providerId)) {
            throw new ForbiddenException("a provider manages only its own sites");
        }
    }

    private static EntityTag etag(Site site) {
        return new EntityTag(Long.toString(site.version));
    }
}
