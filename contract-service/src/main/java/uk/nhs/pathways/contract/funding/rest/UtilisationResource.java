package uk.nhs.pathways.contract.funding.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.funding.domain.PeriodUsage;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;

@Path("/contracts/{id}/utilisation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
public class UtilisationResource {

    @Inject
    CommissionerScope scope;

    @Inject
    Clock clock;

    /** One measure: its cap (null: none), what is committed (funded, not started), used (started) and left. */
    public record Measure(
            Long cap,
            long committed,
            long used,

            @Schema(description = "cap − committed − used; null without a cap")
            Long remaining) {
        static Measure of(Number cap, long committed, long used) {
            Long limit = cap == null ? null : cap.longValue();
            return new Measure(limit, committed, used, limit == null ? null : Math.max(0, limit - committed - used));
        }
    }

    public record Utilisation(
            String contractId,
            String commissionerIcb,

            @Schema(description = "The version whose caps apply")
            int version,

            LocalDate periodStart,
            LocalDate periodEnd,
            Measure episodes,
            @Schema(description = "In pence") Measure budget) {}

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "A contract's utilisation in a period: episodes and money committed, used and remaining",
            description = "Committed: funded and not started; used: started. The period is the contract's cap period"
                    + " (NHS quarter or financial year) holding the given day (default today).")
    @APIResponse(responseCode = "200", description = "The period's figures")
    @APIResponse(responseCode = "400", description = "period is not a date (YYYY-MM-DD)")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public Utilisation utilisation(
            @PathParam("id") String id,
            @QueryParam("period") @Parameter(description = "A day in the period, YYYY-MM-DD; default today")
                    String period) {
        Contract contract = Contract.findById(id);
        if (contract == null || !scope.covers(contract.commissionerIcb)) {
            throw ProblemException.notFound("contract " + id);
        }
        LocalDate day = day(period);
        ContractVersion terms = contract.versionOn(day).orElseGet(() -> contract.current(day));
        Period p = terms.periodOf(day);
        PeriodUsage usage = PeriodUsage.<PeriodUsage>findByIdOptional(new PeriodUsage.Key(id, p.start()))
                .orElseGet(() -> PeriodUsage.empty(id, p));
        return new Utilisation(
                id,
                contract.commissionerIcb,
                terms.version,
                p.start(),
                p.end(),
                Measure.of(terms.maxEpisodesPerPeriod, usage.episodesCommitted, usage.episodesUsed),
                Measure.of(terms.budgetPencePerPeriod, usage.penceCommitted, usage.penceUsed));
    }

    private LocalDate day(String period) {
        if (period == null || period.isBlank()) {
            return England.today(clock);
        }
        try {
            return LocalDate.parse(period);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("period", "must be a day in the period, YYYY-MM-DD");
        }
    }
}
