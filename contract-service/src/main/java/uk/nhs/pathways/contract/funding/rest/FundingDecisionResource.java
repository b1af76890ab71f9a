package uk.nhs.pathways.contract.funding.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;

@Path("/funding-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funding decisions", description = "The contract check of every referral, with reasons")
public class FundingDecisionResource {

    @Inject
    CommissionerScope scope;

    /** No patient data here: referral, practice, site and provider ids only. */
    public record DecisionView(
            String referralId,
            boolean funded,
            String contractId,
            Integer contactsFunded,
            String commissionerIcb,
            String practiceOdsCode,
            String providerId,
            String siteId,
            int sessions,
            List<String> reasons,
            OffsetDateTime decidedAt) {
        static DecisionView of(FundingDecision d) {
            return new DecisionView(
                    d.referralId,
                    d.funded,
                    d.contractId,
                    d.contactsFunded,
                    d.commissionerIcb,
                    d.practiceOdsCode,
                    d.providerId,
                    d.siteId,
                    d.sessions,
                    d.reasons(),
                    d.decidedAt);
        }
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "The decision for one referral; 404 if it is another ICB's")
    @APIResponse(responseCode = "200", description = "The decision and its reasons")
    @APIResponse(
            responseCode = "404",
            description = "No decision for this referral in your ICB (another ICB's is not disclosed)")
    public DecisionView get(@PathParam("referralId") String referralId) {
        FundingDecision decision = FundingDecision.findById(referralId);
        if (decision == null || !scope.covers(decision.commissionerIcb)) {
            throw ProblemException.notFound("funding decision for referral " + referralId);
        }
        return DecisionView.of(decision);
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "Decisions, newest first: a commissioner's own ICB's, or all for an admin")
    public List<DecisionView> list(
            @QueryParam("funded") Boolean funded,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.icb().ifPresent(icb -> {
            query.append(" and commissionerIcb = :icb");
            params.put("icb", icb);
        });
        if (funded != null) {
            query.append(" and funded = :funded");
            params.put("funded", funded);
        }
        return FundingDecision.<FundingDecision>find(query.toString(), Sort.descending("decidedAt"), params)
                .page(Page.of(page, size))
                .list()
                .stream()
                .map(DecisionView::of)
                .toList();
    }
}
