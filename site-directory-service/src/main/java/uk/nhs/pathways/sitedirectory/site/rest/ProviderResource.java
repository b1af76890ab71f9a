package uk.nhs.pathways.sitedirectory.site.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "Organisations that deliver ESCAPE-pain")
public class ProviderResource {

    @Inject
    SiteDirectory directory;

    public record ProviderRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only")
            String id,

            @NotBlank @Size(max = 200) String name,
            @NotNull ProviderType type) {}

    public record ProviderView(String id, String name, ProviderType type) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.name, p.type);
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "All providers", description = "Any signed-in role.")
    public List<ProviderView> list() {
        return Provider.<Provider>list("order by id").stream()
                .map(ProviderView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One provider")
    @APIResponse(responseCode = "404", description = "No such provider")
    public ProviderView get(@PathParam("id") String id) {
        return directory
                .provider(id)
                .map(ProviderView::of)
                .orElseThrow(() -> ProblemException.notFound("provider " + id));
    }

    @GET
    @Path("/{id}/sites")
    @Authenticated
    @Operation(
            summary = "Every site of a provider, any status, by name",
            description = "Any signed-in role (sites are public, as in the Open Referral UK feed). A provider's own "
                    + "workspace lists its sites here, then each site's classes with GET /sites/{id}/classes.")
    @APIResponse(responseCode = "404", description = "No such provider")
    public List<SiteResponse> sites(@PathParam("id") String id) {
        directory.provider(id).orElseThrow(() -> ProblemException.notFound("provider " + id));
        return directory.sitesOf(id).stream().map(s -> SiteResponse.of(s, null)).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a provider organisation (admin)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "A provider with this id exists")
    public Response add(@Valid @NotNull ProviderRequest request) {
        Provider provider = directory.addProvider(request.id(), request.name(), request.type());
        return Response.created(URI.create("/providers/" + provider.id))
                .entity(ProviderView.of(provider))
                .build();
    }
}
