package uk.nhs.pathways.contract.sites.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.sites.domain.Site;
import uk.nhs.pathways.contract.sites.service.SiteCoverage;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;

@Path("/sites/{siteId}/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sites", description = "Whose residents a site serves, and whether their commissioners cover it")
public class SiteCoverageResource {

    @Inject
    SiteCoverage coverage;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "A site's funding coverage, per commissioner whose residents it serves",
            description = "A site serves every ICB with a GP practice within the routing distance (30 km). For each:"
                    + " whether its contracts cover the provider's course there (yes or no, the joints, the contacts"
                    + " per episode), never prices or caps. A provider sees its own sites; a commissioner its own"
                    + " ICB's row for any site; an admin every row.")
    @APIResponse(responseCode = "200", description = "The site's coverage")
    @APIResponse(responseCode = "400", description = "on is not a date (YYYY-MM-DD)")
    @APIResponse(responseCode = "404", description = "No such site, or not one of your sites")
    public SiteCoverage.Coverage coverage(
            @PathParam("siteId") String siteId,
            @QueryParam("on") @Parameter(description = "The day, YYYY-MM-DD; default today") String on) {
        LocalDate day = day(on);
        Site site = Site.findById(siteId);
        if (site == null) {
            throw ProblemException.notFound("site " + siteId);
        }
        if (caller.is(Roles.ADMIN)) {
            return coverage.ofServed(site, day);
        }
        if (caller.is(Roles.COMMISSIONER)) {
            return coverage.ofIcb(site, caller.requireOrganisation(), day);
        }
        if (!site.providerId.equals(caller.requireOrganisation())) {
            throw ProblemException.notFound("site " + siteId);
        }
        return coverage.ofServed(site, day);
    }

    private LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return England.today(clock);
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("on", "must be a day, YYYY-MM-DD");
        }
    }
}
