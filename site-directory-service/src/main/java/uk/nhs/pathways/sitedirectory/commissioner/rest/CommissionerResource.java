package uk.nhs.pathways.sitedirectory.commissioner.rest;

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
import uk.nhs.pathways.sitedirectory.commissioner.service.Commissioners;

@Path("/commissioners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Commissioners",
        description = "Integrated Care Boards and their sub-ICB locations (NHS ODS reference data)")
public class CommissionerResource {

    @Inject
    Commissioners commissioners;

    public record SubIcbView(String odsCode, String onsCode, String name) {}

    public record IcbView(
            String odsCode,
            String onsCode,
            String name,
            String regionOdsCode,
            String regionName,
            List<SubIcbView> subIcbLocations) {

        static IcbView of(Commissioners.IcbWithLocations c) {
            return new IcbView(
                    c.icb().odsCode,
                    c.icb().onsCode,
                    c.icb().name,
                    c.icb().regionOdsCode,
                    c.icb().regionName,
                    c.subIcbLocations().stream()
                            .map(l -> new SubIcbView(l.odsCode, l.onsCode, l.name))
                            .toList());
        }
    }

    @GET
    @Authenticated
    @Operation(summary = "Every ICB with its sub-ICB locations", description = "Any signed-in role.")
    public List<IcbView> list() {
        return commissioners.all().stream().map(IcbView::of).toList();
    }

    @GET
    @Path("/{odsCode}")
    @Authenticated
    @Operation(summary = "One ICB by its ODS code, with its sub-ICB locations")
    @APIResponse(responseCode = "404", description = "No such ICB")
    public IcbView get(@PathParam("odsCode") String odsCode) {
        return commissioners
                .icb(odsCode)
                .map(IcbView::of)
                .orElseThrow(() -> ProblemException.notFound("ICB " + odsCode));
    }
}
