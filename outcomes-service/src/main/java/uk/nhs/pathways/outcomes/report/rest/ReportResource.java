package uk.nhs.pathways.outcomes.report.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.outcomes.activity.service.SiteActivityReport;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.outcomes.report.service.ContractAlertsReport;
import uk.nhs.pathways.outcomes.report.service.FcpMonthlyReport;
import uk.nhs.pathways.outcomes.report.service.MonthlyActivityReport;
import uk.nhs.pathways.outcomes.report.service.NationalView;
import uk.nhs.pathways.outcomes.report.service.QuarterlyReport;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;

@Path("/reports")
@Tag(name = "Reports", description = "Pseudonymous activity and outcome reports for commissioners and ICSs")
public class ReportResource {

    private static final String QUARTER = "Calendar quarter, YYYY-Qn (2026-Q3 = July to September 2026); default:"
            + " the last complete quarter. Not one that has not begun.";
    private static final String ICB = "ICB ODS code. An analyst or commissioner may name only its own ICB (another"
            + " answers 404); an admin names any ICB, or none for every ICB with small numbers suppressed.";
    private static final String FORMAT = "json or csv; without it, Accept: text/csv gives CSV.";

    @Inject
    SiteActivityReport siteActivity;

    @Inject
    QuarterlyReport quarterly;

    @Inject
    FcpMonthlyReport fcpMonthly;

    @Inject
    MonthlyActivityReport monthlyActivity;

    @Inject
    NationalView national;

    @Inject
    ContractAlertsReport contractAlerts;

    @Inject
    ReportRequest request;

    @Inject
    Caller caller;

    @GET
    @Path("/site-activity")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Referrals per site, with how many were offered, need attention or await a decision",
            description = "An analyst or commissioner sees referrals commissioned by its own ICB; an admin sees all.")
    public List<SiteActivityReport.SiteActivity> siteActivity() {
        return siteActivity.perSite(caller.is(Roles.ADMIN) ? null : caller.requireOrganisation());
    }

    @GET
    @Path("/quarterly")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Outcomes per site, provider and ICB for a quarter",
            description = "Per course variant (STANDARD 12 sessions, REDUCED fewer): referrals, starts, completers,"
                    + " completion rate, did-not-attends, median days from referral to first session, and per measure"
                    + " at the last session and at follow-up the people with a baseline, the mean change, responders"
                    + " and their share, and those missing; data completeness. Rows for every ICB (an admin without"
                    + " icb) have small numbers suppressed, with a national row.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = QuarterlyReport.Table.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a malformed or future quarter, an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Another ICB's report, or an unknown ICB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response quarterly(
            @Parameter(description = QUARTER, example = "2026-Q3") @QueryParam("quarter") String quarter,
            @Parameter(description = ICB, example = "QWO") @QueryParam("icb") String icb,
            @Parameter(description = FORMAT) @QueryParam("format") String format) {
        request.allowOnly("quarter", "icb", "format");
        Quarter period = request.quarter(quarter);
        ReportRequest.Scope scope = request.scope(icb);
        ReportRequest.Format as = request.format(format);
        QuarterlyReport.Table table = quarterly.of(period, scope.icb(), scope.acrossIcbs());
        return respond(table, table.rows(), as, "quarterly-" + table.quarter() + "-" + table.scope());
    }

    @GET
    @Path("/fcp-monthly")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "FCP monthly performance per referring practice and PCN",
            description = "The month's referrals, followed to date: made, offered, booked, started, completed, and"
                    + " the median days from referral to first session; per practice, per PCN (a demonstration"
                    + " grouping of practices, see notes) and per ICB.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = FcpMonthlyReport.Table.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a malformed or future month, an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Another ICB's report, or an unknown ICB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response fcpMonthly(
            @Parameter(
                            description =
                                    "Month, YYYY-MM; default: the last complete month. Not one that has not begun.",
                            example = "2026-10")
                    @QueryParam("month")
                    String month,
            @Parameter(description = ICB, example = "QWO") @QueryParam("icb") String icb,
            @Parameter(description = FORMAT) @QueryParam("format") String format) {
        request.allowOnly("month", "icb", "format");
        var period = request.month(month);
        ReportRequest.Scope scope = request.scope(icb);
        ReportRequest.Format as = request.format(format);
        FcpMonthlyReport.Table table = fcpMonthly.of(period, scope.icb(), scope.acrossIcbs());
        return respond(table, table.rows(), as, "fcp-monthly-" + table.month() + "-" + table.scope());
    }

    @GET
    @Path("/monthly-activity")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "An ICB's referrals, starts and completions month by month",
            description = "Per month from from to to and per course variant (STANDARD 12 sessions, REDUCED fewer):"
                    + " referrals (by the day made), starts (by the first session), completers, drop-outs and"
                    + " did-not-attends (by the day the course ended), counted as the quarterly report counts a"
                    + " quarter. Every month has a STANDARD row. Rows for every ICB (an admin without icb) have"
                    + " small numbers suppressed, with a national row per month.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = MonthlyActivityReport.Table.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a malformed or future month, from after to, more than "
                    + MonthlyActivityReport.MAX_MONTHS + " months, an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Another ICB's report, or an unknown ICB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response monthlyActivity(
            @Parameter(
                            description = "First month, YYYY-MM; default: eleven months before to. At most "
                                    + MonthlyActivityReport.MAX_MONTHS + " months from from to to.",
                            example = "2026-04")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Last month, YYYY-MM (included); default: the last complete month. Not"
                                    + " one that has not begun; the current month counts what has happened so far.",
                            example = "2027-03")
                    @QueryParam("to")
                    String to,
            @Parameter(description = ICB, example = "QWO") @QueryParam("icb") String icb,
            @Parameter(description = FORMAT) @QueryParam("format") String format) {
        request.allowOnly("from", "to", "icb", "format");
        ReportRequest.Months months = request.months(from, to, MonthlyActivityReport.MAX_MONTHS);
        ReportRequest.Scope scope = request.scope(icb);
        ReportRequest.Format as = request.format(format);
        MonthlyActivityReport.Table table =
                monthlyActivity.of(months.first(), months.last(), scope.icb(), scope.acrossIcbs());
        return respond(
                table,
                table.rows(),
                as,
                "monthly-activity-" + table.from() + "-to-" + table.to() + "-" + table.scope());
    }

    @GET
    @Path("/national")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "The national programme view of a quarter",
            description = "Sites that have ever delivered, sites delivering in the quarter and the sustained share,"
                    + " nationally and per ICB; starts, completers and outcomes nationally and per ICB. Spans every"
                    + " ICB, so small numbers are suppressed for every caller. CSV holds the people rows.")
    @APIResponse(
            responseCode = "200",
            description = "The view",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = NationalView.View.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a malformed or future quarter, an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response national(
            @Parameter(description = QUARTER, example = "2026-Q3") @QueryParam("quarter") String quarter,
            @Parameter(description = FORMAT) @QueryParam("format") String format) {
        request.allowOnly("quarter", "format");
        Quarter period = request.quarter(quarter);
        ReportRequest.Format as = request.format(format);
        NationalView.View view = national.of(period);
        return respond(view, view.rows(), as, "national-" + view.quarter());
    }

    @GET
    @Path("/contract-alerts")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.ANALYST, Roles.COMMISSIONER, Roles.ADMIN})
    @Operation(
            summary = "Contract utilisation alerts of an ICB's contracts, newest first",
            description = "Each time one of the ICB's contracts reached 80% or 100% of a cap (episodes or budget in"
                    + " pence) in a period, as contract-service announced it: contract, period, measure, threshold,"
                    + " cap, committed, used and when. Contract figures, not people: never suppressed.")
    @APIResponse(
            responseCode = "200",
            description = "The alerts",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ContractAlertsReport.Table.class)),
                @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a malformed day, from after to, an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Another ICB's alerts, or an unknown ICB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response contractAlerts(
            @Parameter(description = "Reached on or after this day, YYYY-MM-DD (English dates); default: no limit.")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Reached on or before this day, YYYY-MM-DD (English dates); default: no limit.")
                    @QueryParam("to")
                    String to,
            @Parameter(description = ICB, example = "QWO") @QueryParam("icb") String icb,
            @Parameter(description = FORMAT) @QueryParam("format") String format) {
        request.allowOnly("from", "to", "icb", "format");
        LocalDate first = request.day("from", from);
        LocalDate last = request.day("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw ProblemException.badField("from", "is after to");
        }
        ReportRequest.Scope scope = request.scope(icb);
        ReportRequest.Format as = request.format(format);
        ContractAlertsReport.Table table = contractAlerts.reached(scope.icb(), first, last);
        return respond(
                table,
                ContractAlertsReport.rows(table.alerts()),
                as,
                "contract-alerts-" + table.scope() + (first == null ? "" : "-from-" + first)
                        + (last == null ? "" : "-to-" + last));
    }

    private static Response respond(Object json, List<ReportRow> rows, ReportRequest.Format as, String name) {
        if (as == ReportRequest.Format.CSV) {
            return Response.ok(Csv.of(rows), Csv.MEDIA_TYPE + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
