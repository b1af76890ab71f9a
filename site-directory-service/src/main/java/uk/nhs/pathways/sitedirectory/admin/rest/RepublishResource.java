package uk.nhs.pathways.sitedirectory.admin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

@Path("/admin/republish")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RepublishResource {

    @Inject
    SiteDirectory directory;

    @Inject
    Classes classes;

    public record Republished(int sites, int classes) {}

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Publish every site and class again (full state) on the compacted topics",
            description = "For a topic that was lost or repaired: afterwards the topics alone rebuild any read model. "
                    + "Consumers see each event as new (new event ids); full-state events make that harmless.")
    public Republished republish() {
        return new Republished(directory.republishAll(), classes.republishAll());
    }
}
