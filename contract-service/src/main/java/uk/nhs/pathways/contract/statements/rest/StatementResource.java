package uk.nhs.pathways.contract.statements.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.contract.CommissionerScope;
import uk.nhs.pathways.contract.statements.domain.PaymentStatement;
import uk.nhs.pathways.contract.statements.domain.Statement;
import uk.nhs.pathways.contract.statements.service.Statements;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;

@Path("/contracts/{id}/statements")
@Tag(name = "Payment statements", description = "What each contract pays per month, from what was delivered")
public class StatementResource {

    static final MediaType CSV = MediaType.valueOf("text/csv");

    @Inject
    Statements statements;

    @Inject
    CommissionerScope scope;

    @Inject
    Caller caller;

    public enum Status {
        /** Computed from the activity so far; changes as activity is recorded. */
        DRAFT,
        /** Issued: never changes. */
        ISSUED
    }

    public record StatementView(
            @Schema(description = "<contract>/<month>/<sequence>; null for a draft")
            String id,

            String contractId,
            String commissionerIcb,

            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-05")
            YearMonth month,

            Status status,
            Integer sequence,

            @Schema(description = "The statement this one corrects")
            String corrects,

            OffsetDateTime issuedAt,
            String issuedBy,
            List<Statement.Line> lines,
            long commissionerPaysPence,

            @Schema(description = "The same in pounds, e.g. 1300.00")
            String commissionerPays,

            @Schema(description = "Prime/sub-contract: paid by the prime beyond its reimbursement")
            long primeCarriesPence,

            @Schema(description = "A correction: what the commissioner pays now minus what it corrects")
            Long differencePence,

            @Schema(description = "Issued, and the activity since makes it different: issue a correction")
            Boolean correctionDue) {}

    public record Issued(
            String id,
            YearMonth month,
            int sequence,
            String corrects,
            OffsetDateTime issuedAt,
            long commissionerPaysPence) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(summary = "A contract's issued statements, by month and sequence")
    @APIResponse(responseCode = "200", description = "Issued statements")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    public List<Issued> list(@PathParam("id") String id) {
        visible(id);
        return statements.issued(id).stream()
                .map(s -> new Issued(s.id, s.yearMonth(), s.sequence, s.corrects, s.issuedAt, s.commissionerPaysPence))
                .toList();
    }

    @GET
    @Path("/{month}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "A contract's payment statement for a month, as JSON or CSV (Accept: text/csv)",
            description = "The latest issued statement of the month (correctionDue says whether the activity since"
                    + " differs), or an earlier one by sequence; before any is issued, the draft as the activity so"
                    + " far makes it. CSV text cells are escaped against spreadsheet formula injection.")
    @APIResponse(
            responseCode = "200",
            description = "The statement",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatementView.class)),
                @Content(mediaType = "text/csv")
            })
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM")
    @APIResponse(responseCode = "404", description = "No such contract (or issued sequence) for your ICB")
    public Response get(
            @PathParam("id") String id,
            @PathParam("month") String month,
            @QueryParam("sequence") @Parameter(description = "An issued statement's sequence number") Integer sequence,
            @Context Request request) {
        Contract contract = visible(id);
        YearMonth m = month(month);
        StatementView view;
        if (sequence != null) {
            PaymentStatement issued = statements.issued(id, m).stream()
                    .filter(s -> s.sequence == sequence)
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("statement " + PaymentStatement.id(id, m, sequence)));
            view = issued(issued, statements.live(contract, m));
        } else {
            view = statements
                    .latest(id, m)
                    .map(issued -> issued(issued, statements.live(contract, m)))
                    .orElseGet(() -> draft(statements.live(contract, m)));
        }
        Variant chosen = request.selectVariant(
                Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV).build());
        if (chosen != null && CSV.isCompatible(chosen.getMediaType())) {
            return Response.ok(StatementCsv.write(view), CSV)
                    .header("Content-Disposition", "attachment; filename=\"statement-" + m + ".csv\"")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/{month}/issue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Issue the month's statement (then it never changes)",
            description = "The first statement of the month, or, when the activity recorded since the latest one"
                    + " changes the figures, a correction: a new statement naming the one it corrects.")
    @APIResponse(responseCode = "201", description = "Issued; Location names it")
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM, or has not ended")
    @APIResponse(responseCode = "404", description = "No such contract for your ICB (another ICB's is not disclosed)")
    @APIResponse(responseCode = "409", description = "Issued already, and nothing has changed since")
    public Response issue(@PathParam("id") String id, @PathParam("month") String month) {
        Contract contract = visible(id);
        YearMonth m = month(month);
        PaymentStatement issued = statements.issue(id, m, caller.user());
        StatementView view = issued(issued, statements.live(contract, m));
        return Response.created(URI.create("/contracts/" + id + "/statements/" + m + "?sequence=" + issued.sequence))
                .entity(view)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private StatementView draft(Statement s) {
        return view(null, s, Status.DRAFT, null, null, null, null, null, null);
    }

    private StatementView issued(PaymentStatement p, Statement live) {
        Statement said = statements.statementOf(p);
        Long difference = p.corrects == null
                ? null
                : p.commissionerPaysPence
                        - PaymentStatement.<PaymentStatement>findByIdOptional(p.corrects)
                                .map(c -> c.commissionerPaysPence)
                                .orElse(0L);
        return view(
                p.id,
                said,
                Status.ISSUED,
                p.sequence,
                p.corrects,
                p.issuedAt,
                p.issuedBy,
                difference,
                !said.sameFiguresAs(live));
    }

    private static StatementView view(
            String id,
            Statement s,
            Status status,
            Integer sequence,
            String corrects,
            OffsetDateTime issuedAt,
            String issuedBy,
            Long difference,
            Boolean correctionDue) {
        return new StatementView(
                id,
                s.contractId(),
                s.commissionerIcb(),
                s.month(),
                status,
                sequence,
                corrects,
                issuedAt,
                issuedBy,
                s.lines(),
                s.commissionerPaysPence(),
                StatementCsv.pounds(s.commissionerPaysPence()),
                s.primeCarriesPence(),
                difference,
                correctionDue);
    }

    private Contract visible(String id) {
        Contract contract = Contract.findById(id);
        if (contract == null || !scope.covers(contract.commissionerIcb)) {
            throw ProblemException.notFound("contract " + id);
        }
        return contract;
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("month", "must be a month, YYYY-MM");
        }
    }
}
