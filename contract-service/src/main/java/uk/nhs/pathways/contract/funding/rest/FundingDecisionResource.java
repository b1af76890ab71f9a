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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;

@Path("/funding-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Funding decisions", description = "The contract check of every proposal of a referral, with reasons")
public class FundingDecisionResource {

    @Inject
    CommissionerScope scope;

    /** No patient data here: referral, practice, site and provider ids only. */
    public record DecisionView(
            String referralId,

            @Schema(description = "The proposal decided: 1 for the referral's first route, then each re-route's number")
            int routeNumber,

            @Schema(description = "1 when first decided; each re-evaluation that changed it counts up")
            int revision,

            boolean funded,
            String contractId,

            @Schema(description = "The version of the contract's terms that funds it")
            Integer contractVersion,

            Integer contactsFunded,

            @Schema(description = "What the episode committed against the contract's budget, in pence")
            Long costPence,

            @Schema(description = "The cap period it counts in")
            LocalDate periodStart,

            LocalDate periodEnd,

            @Schema(description = "NONE (not funded), COMMITTED, USED (course started) or RELEASED")
            Commitment commitment,

            String commissionerIcb,
            String practiceOdsCode,

            @Schema(description = "Null for decisions taken before it was kept")
            Joint joint,

            @Schema(description = "The class proposed; null for decisions taken before it was kept")
            String classId,

            String providerId,
            String siteId,
            int sessions,
            List<String> reasons,

            @Schema(description = "When this revision was decided")
            OffsetDateTime decidedAt,

            @Schema(description = "When the route was first decided")
            OffsetDateTime firstDecidedAt,

            @Schema(description = "Why the latest revision was made; null for a first decision")
            String revisionNote,

            @Schema(description = "Demo history, never a real referral")
            boolean synthetic) {
        static DecisionView of(FundingDecision d) {
            return new DecisionView(
                    d.referralId,
                    d.routeNumber,
                    d.revision,
                    d.funded,
                    d.contractId,
                    d.contractVersion,
                    d.contactsFunded,
                    d.costPence,
                    d.periodStart,
                    d.periodEnd,
                    d.commitment,
                    d.commissionerIcb,
                    d.practiceOdsCode,
                    d.joint,
                    d.classId,
                    d.providerId,
                    d.siteId,
                    d.sessions,
                    d.reasons(),
                    d.decidedAt,
                    d.firstDecidedAt,
                    d.revisionNote,
                    d.synthetic);
        }
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "The decision for one referral's latest route; 404 if it is another ICB's",
            description = "A referral re-routed to another class is decided again; this is the decision of the"
                    + " latest route decided. Earlier routes' decisions are in the list.")
    @APIResponse(responseCode = "200", description = "The decision and its reasons")
    @APIResponse(
            responseCode = "404",
            description = "No decision for this referral in your ICB (another ICB's is not disclosed)")
    public DecisionView get(@PathParam("referralId") String referralId) {
        return FundingDecision.latest(referralId)
                .filter(decision -> scope.covers(decision.commissionerIcb))
                .map(DecisionView::of)
                .orElseThrow(() -> ProblemException.notFound("funding decision for referral " + referralId));
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Decisions, newest first: a commissioner's own ICB's, or all for an admin",
            description = "One per route: a referral re-routed to another class has a decision for each route.")
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
        return FundingDecision.<FundingDecision>find(
                        query.toString(), Sort.descending("decidedAt", "referralId", "routeNumber"), params)
                .page(Page.of(page, size))
                .list()
                .stream()
                .map(DecisionView::of)
                .toList();
    }
}
