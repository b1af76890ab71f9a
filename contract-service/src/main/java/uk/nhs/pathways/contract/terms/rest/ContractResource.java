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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.terms.domain.CommissioningModel;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.service.Contracts;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;

@Path("/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts", description = "Commissioning contracts that pay for ESCAPE-pain")
public class ContractResource {

    @Inject
    Contracts contracts;

    @Inject
    CommissionerScope scope;

    public record ContractRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "1-64 letters, digits and dashes")
            String id,

            @NotBlank @Pattern(regexp = "Q[A-Z0-9]{2}", message = "is not an ICB ODS code (e.g. QWO)")
            String commissionerIcb,

            @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "1-64 letters, digits and dashes")
            @Schema(description = "Provider id; omit for any qualified provider")
            String providerId,

            @NotNull CommissioningModel model,

            @Size(min = 1, message = "names at least one joint; omit it for both")
            @Schema(description = "Joints it pays courses for; omit for both", example = "[\"KNEE\", \"HIP\"]")
            Set<@NotNull Joint> joints,

            @Min(1) @Max(52) @Schema(description = "Cap on patient contacts per care episode", example = "12")
            int maxContactsPerEpisode,

            @PositiveOrZero Integer pricePerEpisodePence,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {}

    public record ContractView(
            String id,
            String commissionerIcb,
            String providerId,
            CommissioningModel model,
            Set<Joint> joints,
            int maxContactsPerEpisode,
            Integer pricePerEpisodePence,
            LocalDate validFrom,
            LocalDate validTo) {
        static ContractView of(Contract c) {
            return new ContractView(
                    c.id,
                    c.commissionerIcb,
                    c.providerId,
                    c.model,
                    c.joints(),
                    c.maxContactsPerEpisode,
                    c.pricePerEpisodePence,
                    c.validFrom,
                    c.validTo);
        }
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "Contracts: a commissioner's own ICB's, or all for an admin")
    public List<ContractView> list() {
        return contracts.list(scope.icb().orElse(null)).stream()
                .map(ContractView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "One contract; 404 for another ICB's")
    @APIResponse(responseCode = "200", description = "The contract")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public ContractView get(@PathParam("id") String id) {
        Contract contract = Contract.findById(id);
        if (contract == null || !scope.covers(contract.commissionerIcb)) {
            throw ProblemException.notFound("contract " + id);
        }
        return ContractView.of(contract);
    }

    @POST
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Register a contract",
            description = "A commissioner for its own ICB only (403 otherwise). Publishes the coverage of its"
                    + " commissioner and provider on pathways.funding-coverage.v1 (no prices).")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", description = "Invalid contract; problem+json names each field")
    @APIResponse(responseCode = "403", description = "Not a commissioner of that ICB, nor an admin")
    @APIResponse(responseCode = "409", description = "A contract with this id exists")
    public Response register(@Valid @NotNull ContractRequest r) {
        if (!scope.covers(r.commissionerIcb())) {
            throw new ForbiddenException("a commissioner registers contracts for its own ICB only");
        }
        Contract contract = contracts.register(new Contracts.NewContract(
                r.id(),
                r.commissionerIcb(),
                r.providerId(),
                r.model(),
                r.joints(),
                r.maxContactsPerEpisode(),
                r.pricePerEpisodePence(),
                r.validFrom(),
                r.validTo()));
        return Response.created(URI.create("/contracts/" + contract.id))
                .entity(ContractView.of(contract))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Delete a contract entered by mistake",
            description = "Only while it has funded no referral. Publishes its commissioner and provider's coverage"
                    + " again, or a tombstone when no contract of the pair is left.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    @APIResponse(responseCode = "409", description = "It funded a referral, so it stays as the record of why")
    public void delete(@PathParam("id") String id) {
        Contract contract = Contract.findById(id);
        if (contract == null || !scope.covers(contract.commissionerIcb)) {
            throw ProblemException.notFound("contract " + id);
        }
        contracts.delete(id);
    }
}
