package uk.nhs.pathways.contract.admin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.terms.service.CoveragePublisher;
import uk.nhs.pathways.platform.security.Roles;

@Path("/admin/republish")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RepublishResource {

    @Inject
    CoveragePublisher coverage;

    public record Republished(
            @Schema(description = "Commissioner and provider pairs published")
            int coverages) {}

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Publish every commissioner and provider's funding coverage again (full state, no prices)",
            description = "For a new consumer of pathways.funding-coverage.v1, or a topic that was lost or repaired:"
                    + " afterwards the topic alone rebuilds who funds whom. Consumers see each event as new (new"
                    + " event ids); full-state events make that harmless.")
    public Republished republish() {
        return new Republished(coverage.republishAll());
    }
}
