package uk.nhs.pathways.contract.terms.rest;

import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.contract.terms.service.Contracts;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;

@Path("/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts", description = "Commissioning contracts that pay for ESCAPE-pain, as versioned terms")
public class ContractResource {

    static final String ID = "[A-Za-z0-9-]{1,64}";
    static final String ID_MESSAGE = "1-64 letters, digits and dashes";

    @Inject
    Contracts contracts;

    @Inject
    CommissionerScope scope;

    @Inject
    Clock clock;

    /** A contract and its first version's terms. The fields before versions existed keep their meaning. */
    public record ContractRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE)
            String id,

            @NotBlank @Pattern(regexp = "Q[A-Z0-9]{2}", message = "is not an ICB ODS code (e.g. QWO)")
            String commissionerIcb,

            @Pattern(regexp = ID, message = ID_MESSAGE)
            @Schema(description = "One provider; omit (and providerIds) for any qualified provider")
            String providerId,

            @Schema(description = "The providers it is with (instead of providerId); omit for any qualified provider")
            List<String> providerIds,

            @Schema(description = "The sites it covers; omit for every site of its providers")
            List<String> siteIds,

            @NotNull
            @Schema(
                    description = "Payment model. ANY_QUALIFIED_PROVIDER (read as ACTIVITY) and PRIME_CONTRACT"
                            + " (read as PRIME_SUB_CONTRACT) are accepted as before")
            PaymentModel model,

            @Size(min = 1, message = "names at least one joint; omit it for both")
            @Schema(description = "Joints it pays courses for; omit for both", example = "[\"KNEE\", \"HIP\"]")
            Set<@NotNull Joint> joints,

            @Min(1) @Max(52) @Schema(description = "Cap on patient contacts per care episode", example = "12")
            int maxContactsPerEpisode,

            @PositiveOrZero
            @Schema(description = "ACTIVITY: per episode started; PRIME_SUB_CONTRACT: commissioner to prime per course")
            Long pricePerEpisodePence,

            @PositiveOrZero @Schema(description = "OUTCOME_BASED: per course completed")
            Long pricePerCompletionPence,

            @PositiveOrZero @Schema(description = "OUTCOME_BASED: per responder at follow-up")
            Long pricePerResponderPence,

            @PositiveOrZero @Schema(description = "BLOCK: the fixed amount per cap period")
            Long blockAmountPence,

            @Pattern(regexp = ID, message = ID_MESSAGE)
            @Schema(description = "PRIME_SUB_CONTRACT: the prime contractor")
            String primeContractorId,

            @PositiveOrZero @Schema(description = "PRIME_SUB_CONTRACT: prime to provider per course")
            Long subContractPricePerEpisodePence,

            @Schema(description = "QUARTER (default) or YEAR (NHS financial year)")
            CapPeriod capPeriod,

            @PositiveOrZero @Schema(description = "Episodes a period may fund; omit for no cap")
            Integer maxEpisodesPerPeriod,

            @PositiveOrZero @Schema(description = "Pence a period may commit; omit for no budget")
            Long budgetPencePerPeriod,

            @NotNull LocalDate validFrom,
            LocalDate validTo) {

        Contracts.Terms terms() {
            if (providerId != null && providerIds != null) {
                throw ProblemException.badField("providerIds", "give providerId or providerIds, not both");
            }
            IdLists.check("providerIds", providerIds);
            IdLists.check("siteIds", siteIds);
            return new Contracts.Terms(
                    validFrom,
                    validTo,
                    providerId != null ? List.of(providerId) : providerIds,
                    siteIds,
                    model,
                    joints,
                    maxContactsPerEpisode,
                    pricePerEpisodePence,
                    pricePerCompletionPence,
                    pricePerResponderPence,
                    blockAmountPence,
                    primeContractorId,
                    subContractPricePerEpisodePence,
                    capPeriod,
                    maxEpisodesPerPeriod,
                    budgetPencePerPeriod);
        }
    }

    /** An amendment: a new version's full terms and when they are in force. */
    public record VersionRequest(
            @Schema(description = "The providers it is with; omit for any qualified provider")
            List<String> providerIds,

            @Schema(description = "The sites it covers; omit for every site of its providers")
            List<String> siteIds,

            @NotNull PaymentModel model,

            @Size(min = 1, message = "names at least one joint; omit it for both")
            Set<@NotNull Joint> joints,

            @Min(1) @Max(52) int maxContactsPerEpisode,
            @PositiveOrZero Long pricePerEpisodePence,
            @PositiveOrZero Long pricePerCompletionPence,
            @PositiveOrZero Long pricePerResponderPence,
            @PositiveOrZero Long blockAmountPence,
            @Pattern(regexp = ID, message = ID_MESSAGE) String primeContractorId,
            @PositiveOrZero Long subContractPricePerEpisodePence,
            CapPeriod capPeriod,
            @PositiveOrZero Integer maxEpisodesPerPeriod,
            @PositiveOrZero Long budgetPencePerPeriod,
            @NotNull LocalDate validFrom,
            LocalDate validTo,

            @Schema(
                    description = "The version in force on validFrom ends the day before (it must have begun"
                            + " earlier); otherwise a version that overlaps another is refused")
            boolean supersede) {

        Contracts.Terms terms() {
            IdLists.check("providerIds", providerIds);
            IdLists.check("siteIds", siteIds);
            return new Contracts.Terms(
                    validFrom,
                    validTo,
                    providerIds,
                    siteIds,
                    model,
                    joints,
                    maxContactsPerEpisode,
                    pricePerEpisodePence,
                    pricePerCompletionPence,
                    pricePerResponderPence,
                    blockAmountPence,
                    primeContractorId,
                    subContractPricePerEpisodePence,
                    capPeriod,
                    maxEpisodesPerPeriod,
                    budgetPencePerPeriod);
        }
    }

    public record EndRequest(
            @NotNull @Schema(description = "The contract's last day in force")
            LocalDate lastDay) {}

    public record VersionView(
            int version,
            LocalDate validFrom,
            LocalDate validTo,

            @Schema(description = "Empty: any qualified provider")
            List<String> providerIds,

            @Schema(description = "Empty: every site of its providers")
            List<String> siteIds,

            PaymentModel model,
            Set<Joint> joints,
            int maxContactsPerEpisode,
            Long pricePerEpisodePence,
            Long pricePerCompletionPence,
            Long pricePerResponderPence,
            Long blockAmountPence,
            String primeContractorId,
            Long subContractPricePerEpisodePence,
            CapPeriod capPeriod,
            Integer maxEpisodesPerPeriod,
            Long budgetPencePerPeriod) {
        static VersionView of(ContractVersion v) {
            return new VersionView(
                    v.version,
                    v.validFrom,
                    v.validTo,
                    v.providerIds(),
                    v.siteIds(),
                    v.paymentModel,
                    v.joints(),
                    v.maxContactsPerEpisode,
                    v.pricePerEpisodePence,
                    v.pricePerCompletionPence,
                    v.pricePerResponderPence,
                    v.blockAmountPence,
                    v.primeContractorId,
                    v.subContractPricePencePerEpisode,
                    v.capPeriod,
                    v.maxEpisodesPerPeriod,
                    v.budgetPencePerPeriod);
        }
    }

    /**
     * A contract: the fields from before versions existed describe its current version (in force today, or
     * else its latest); validFrom and validTo span all versions.
     */
    public record ContractView(
            String id,
            String commissionerIcb,

            @Schema(description = "The current version's only provider; null for any qualified provider or several")
            String providerId,

            PaymentModel model,
            Set<Joint> joints,
            int maxContactsPerEpisode,
            Long pricePerEpisodePence,
            LocalDate validFrom,
            LocalDate validTo,

            @Schema(description = "The version the fields above describe")
            int currentVersion,

            List<VersionView> versions) {
        static ContractView of(Contract c, LocalDate today) {
            ContractVersion current = c.current(today);
            List<String> providers = current.providerIds();
            return new ContractView(
                    c.id,
                    c.commissionerIcb,
                    providers.size() == 1 ? providers.getFirst() : null,
                    current.paymentModel,
                    current.joints(),
                    current.maxContactsPerEpisode,
                    current.pricePerEpisodePence,
                    c.validFrom(),
                    c.validTo(),
                    current.version,
                    c.versions.stream().map(VersionView::of).toList());
        }
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "Contracts: a commissioner's own ICB's, or all for an admin")
    public List<ContractView> list() {
        LocalDate today = England.today(clock);
        return contracts.list(scope.icb().orElse(null)).stream()
                .map(c -> ContractView.of(c, today))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "One contract with every version of its terms; 404 for another ICB's")
    @APIResponse(responseCode = "200", description = "The contract")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public ContractView get(@PathParam("id") String id) {
        return ContractView.of(visible(id), England.today(clock));
    }

    @POST
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Register a contract (its first version)",
            description = "A commissioner for its own ICB only (403 otherwise). Publishes the coverage of its"
                    + " commissioner and providers on pathways.funding-coverage.v1 (no prices), and checks again"
                    + " the ICB's referrals still waiting as not funded.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid contract; problem+json names each field")
    @APIResponse(responseCode = "403", description = "Not a commissioner of that ICB, nor an admin")
    @APIResponse(responseCode = "409", description = "A contract with this id exists")
    public Response register(@Valid @NotNull ContractRequest r) {
        if (!scope.covers(r.commissionerIcb())) {
            throw new ForbiddenException("a commissioner registers contracts for its own ICB only");
        }
        Contract contract = contracts.register(r.id(), r.commissionerIcb(), r.terms());
        return Response.created(URI.create("/contracts/" + contract.id))
                .entity(ContractView.of(contract, England.today(clock)))
                .build();
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Amend a contract: add a version of its terms",
            description = "Versions never overlap (400 naming validFrom or validTo), unless supersede ends the"
                    + " version in force on validFrom the day before. Re-checks the referrals it affects: those"
                    + " waiting as not funded, and those it funds that were not offered yet.")
    @APIResponse(responseCode = "201", description = "Amended; the contract with its new version")
    @APIResponse(responseCode = "400", description = "Invalid or overlapping terms; problem+json names the field")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public Response amend(@PathParam("id") String id, @Valid @NotNull VersionRequest r) {
        visible(id);
        Contract contract = contracts.amend(id, r.terms(), r.supersede());
        return Response.created(URI.create("/contracts/" + id))
                .entity(ContractView.of(contract, England.today(clock)))
                .build();
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "End a contract after a day",
            description = "The version in force on lastDay ends then; a version that starts later is refused (400"
                    + " naming lastDay). Referrals it funds that were not offered yet are checked again.")
    @APIResponse(responseCode = "200", description = "The contract as it now stands")
    @APIResponse(responseCode = "400", description = "lastDay before the contract or before a later version")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public ContractView end(@PathParam("id") String id, @Valid @NotNull EndRequest r) {
        visible(id);
        return ContractView.of(contracts.end(id, r.lastDay()), England.today(clock));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Delete a contract entered by mistake",
            description = "Only while it has funded no referral. Publishes its commissioner and providers' coverage"
                    + " again, or a tombstone when no contract of a pair is left.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    @APIResponse(
            responseCode = "409",
            description = "It funded a referral or has issued statements, so it stays as the record of why")
    public void delete(@PathParam("id") String id) {
        visible(id);
        contracts.delete(id);
    }

    private Contract visible(String id) {
        Contract contract = Contract.findById(id);
        if (contract == null || !scope.covers(contract.commissionerIcb)) {
            throw ProblemException.notFound("contract " + id);
        }
        return contract;
    }
}
