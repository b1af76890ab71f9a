package uk.nhs.pathways.outcomes.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.outcomes.activity.service.SiteActivityReport;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Pseudonymous activity and outcome reports for commissioners and ICSs")
public class ReportResource {

    @Inject
    SiteActivityReport report;

    @Inject
    Caller caller;

    @GET
    @Path("/site-activity")
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Referrals per site, with how many were offered, need attention or await a decision",
            description = "An analyst or commissioner sees referrals commissioned by its own ICB; an admin sees all.")
    public List<SiteActivityReport.SiteActivity> siteActivity() {
        return report.perSite(caller.is(Roles.ADMIN) ? null : caller.requireOrganisation());
    }
}
