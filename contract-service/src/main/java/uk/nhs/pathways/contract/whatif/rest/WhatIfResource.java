package uk.nhs.pathways.contract.whatif.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.ContractConfig;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.contract.terms.rest.IdLists;
import uk.nhs.pathways.contract.whatif.service.WhatIf;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;

@Path("/contracts/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
public class WhatIfResource {

    static final String ID = "[A-Za-z0-9-]{1,64}";
    static final String ID_MESSAGE = "1-64 letters, digits and dashes";

    @Inject
    WhatIf whatIf;

    @Inject
    CommissionerScope scope;

    @Inject
    ContractConfig config;

    @Inject
    Clock clock;

    /** Terms of a scenario; in a change, only the fields given replace the contract's (in every version). */
    public record Terms(
            List<String> providerIds,
            List<String> siteIds,
            PaymentModel model,

            @Size(min = 1, message = "names at least one joint; omit it for both")
            Set<@NotNull Joint> joints,

            @Min(1) @Max(52) Integer maxContactsPerEpisode,
            @PositiveOrZero Long pricePerEpisodePence,
            @PositiveOrZero Long pricePerCompletionPence,
            @PositiveOrZero Long pricePerResponderPence,
            @PositiveOrZero Long blockAmountPence,
            @PositiveOrZero Long subContractPricePerEpisodePence,
            CapPeriod capPeriod,
            @PositiveOrZero Integer maxEpisodesPerPeriod,
            @PositiveOrZero Long budgetPencePerPeriod,

            @Schema(description = "Draft only: from when (default: the start of the window)")
            LocalDate validFrom,

            @Schema(description = "Draft only: until when (default: open-ended)")
            LocalDate validTo) {

        /** Replaces the given fields of a copy of a version. */
        ContractVersion applyTo(ContractVersion v) {
            IdLists.check("providerIds", providerIds);
            IdLists.check("siteIds", siteIds);
            if (providerIds != null) {
                v.providerIds(providerIds);
            }
            if (siteIds != null) {
                v.siteIds(siteIds);
            }
            if (model != null) {
                v.paymentModel = model;
            }
            if (joints != null) {
                v.joints(joints);
            }
            if (maxContactsPerEpisode != null) {
                v.maxContactsPerEpisode = maxContactsPerEpisode;
            }
            if (pricePerEpisodePence != null) {
                v.pricePerEpisodePence = pricePerEpisodePence;
            }
            if (pricePerCompletionPence != null) {
                v.pricePerCompletionPence = pricePerCompletionPence;
            }
            if (pricePerResponderPence != null) {
                v.pricePerResponderPence = pricePerResponderPence;
            }
            if (blockAmountPence != null) {
                v.blockAmountPence = blockAmountPence;
            }
            if (subContractPricePerEpisodePence != null) {
                v.subContractPricePencePerEpisode = subContractPricePerEpisodePence;
            }
            if (capPeriod != null) {
                v.capPeriod = capPeriod;
            }
            if (maxEpisodesPerPeriod != null) {
                v.maxEpisodesPerPeriod = maxEpisodesPerPeriod;
            }
            if (budgetPencePerPeriod != null) {
                v.budgetPencePerPeriod = budgetPencePerPeriod;
            }
            return v;
        }

        /** A draft's only version: its terms, from the window's start unless it says otherwise. */
        ContractVersion draft(LocalDate windowStart) {
            if (model == null) {
                throw ProblemException.badField("draft.model", "must not be null");
            }
            if (maxContactsPerEpisode == null) {
                throw ProblemException.badField("draft.maxContactsPerEpisode", "must not be null");
            }
            ContractVersion v = new ContractVersion();
            v.joints(null);
            applyTo(v);
            v.validFrom = validFrom == null ? windowStart : validFrom;
            v.validTo = validTo;
            if (v.validTo != null && v.validTo.isBefore(v.validFrom)) {
                throw ProblemException.badField("draft.validTo", "must not be before validFrom");
            }
            return v;
        }
    }

    public record WhatIfRequest(
            @NotNull @Schema(description = "Replay the decisions of the last N months (1 to 24)", example = "12")
            Integer months,

            @Pattern(regexp = ID, message = ID_MESSAGE)
            @Schema(description = "A contract to change (with changes); or omit it and give a draft")
            String contractId,

            @Valid @Schema(description = "With contractId: the terms that change, in every version")
            Terms changes,

            @Pattern(regexp = "Q[A-Z0-9]{2}", message = "is not an ICB ODS code (e.g. QWO)")
            @Schema(description = "A draft's commissioner")
            String commissionerIcb,

            @Valid @Schema(description = "A draft contract, added to the commissioner's contracts")
            Terms draft) {}

    @POST
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "What if: a contract changed, or a draft one added, over the last months' referrals",
            description = "Replays the commissioner's decisions of the last N months (N <= 24) with its contracts"
                    + " as they are and as they would be, and answers how many more (or fewer) referrals would have"
                    + " been funded, at what cost, by site and by provider. Changes nothing. A commissioner for its"
                    + " own ICB only: another ICB's contract or draft is 404, as every read outside its scope.")
    @APIResponse(responseCode = "200", description = "The difference")
    @APIResponse(responseCode = "400", description = "months beyond 1-24, or neither a change nor a draft")
    @APIResponse(responseCode = "404", description = "No such contract (or ICB) in your scope")
    public WhatIf.Result whatIf(@Valid @NotNull WhatIfRequest r) {
        int max = config.whatIf().maxMonths();
        if (r.months() < 1 || r.months() > max) {
            throw ProblemException.badField("months", "must be between 1 and " + max);
        }
        if ((r.contractId() == null) == (r.draft() == null)) {
            throw ProblemException.badField("contractId", "give a contractId with changes, or a draft; not both");
        }
        if (r.contractId() != null) {
            Contract contract = Contract.findById(r.contractId());
            if (contract == null || !scope.covers(contract.commissionerIcb)) {
                throw ProblemException.notFound("contract " + r.contractId());
            }
            if (r.changes() == null) {
                throw ProblemException.badField("changes", "must say what changes in the contract");
            }
            Terms changes = r.changes();
            return whatIf.evaluate(
                    contract.commissionerIcb, r.months(), WhatIf.changing(contract.id, changes::applyTo));
        }
        if (r.commissionerIcb() == null) {
            throw ProblemException.badField("commissionerIcb", "a draft needs its commissioner");
        }
        if (!scope.covers(r.commissionerIcb())) {
            throw ProblemException.notFound("ICB " + r.commissionerIcb());
        }
        LocalDate windowStart = England.today(clock).minusMonths(r.months());
        return whatIf.evaluate(
                r.commissionerIcb(),
                r.months(),
                WhatIf.adding(r.commissionerIcb(), r.draft().draft(windowStart)));
    }
}
