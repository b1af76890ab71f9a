package uk.nhs.pathways.sitedirectory.site.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.rest.QueryParams;
import uk.nhs.pathways.sitedirectory.site.service.SiteSustainability;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Programme monitoring from the directory")
public class SiteReportResource {

    @Inject
    SiteSustainability sustainability;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Path("/site-sustainability")
    @RolesAllowed({Roles.ADMIN, Roles.COMMISSIONER, Roles.ANALYST})
    @Operation(
            summary = "How many sites keep delivering: sites per status on a date, and of the sites that had ever "
                    + "been ACTIVE by then, the share still ACTIVE; by provider type, setting and ICB",
            description = "Admin: every site, or one ICB's with icb=. Commissioner and analyst: their own ICB's sites "
                    + "only (403 for another's). From the status history, so a past date's figures stay as they were.")
    public SiteSustainability.Report siteSustainability(
            @QueryParam("asOf") @Parameter(description = "ISO date; today if omitted") String asOf,
            @QueryParam("icb") @Parameter(description = "ICB ODS code") String icb) {
        LocalDate today = England.today(clock);
        LocalDate date = QueryParams.date(asOf, "asOf");
        if (date != null && date.isAfter(today)) {
            throw ProblemException.badField("asOf", "must not be in the future");
        }
        String scope = icb == null || icb.isBlank() ? null : icb.trim().toUpperCase();
        if (!caller.is(Roles.ADMIN)) {
            String own = caller.requireOrganisation();
            if (scope != null && !scope.equals(own)) {
                throw new ForbiddenException("a commissioner or analyst sees its own ICB's sites only");
            }
            scope = own;
        }
        return sustainability.asOf(date == null ? today : date, scope);
    }
}
