package uk.nhs.pathways.outcomes.report.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.platform.time.England;

/** What a report request asks for, checked: its parameters, its period, whose data, and in which format. */
@RequestScoped
public class ReportRequest {

    /** Whose rows a report holds, and whether small numbers must be suppressed because it spans ICBs. */
    public record Scope(String icb, boolean acrossIcbs) {}

    /** A span of whole months, first and last included. */
    public record Months(YearMonth first, YearMonth last) {}

    public enum Format {
        JSON,
        CSV
    }

    @Inject
    Caller caller;

    @Inject
    Practices practices;

    @Inject
    Clock clock;

    @Inject
    UriInfo uri;

    @Inject
    HttpHeaders headers;

    /** Refuses a parameter the report does not have, naming it (a typo must not silently change the answer). */
    public void allowOnly(String... names) {
        Set<String> allowed = Set.of(names);
        uri.getQueryParameters().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .findFirst()
                .ifPresent(name -> {
                    throw ProblemException.badField(
                            name, "is not a parameter of this report; use " + String.join(", ", names));
                });
    }

    /** A parameter given with no value is given (and wrong), not absent. */
    private String given(String name, String value) {
        return value == null && uri.getQueryParameters().containsKey(name) ? "" : value;
    }

    /** The quarter asked for ({@code YYYY-Qn}), or the last complete one; never one that has not begun. */
    public Quarter quarter(String text) {
        LocalDate today = England.today(clock);
        text = given("quarter", text);
        if (text == null) {
            return Quarter.of(today).previous();
        }
        Quarter quarter = Quarter.parse(text.trim())
                .orElseThrow(() -> ProblemException.badField("quarter", "must be YYYY-Qn, e.g. 2026-Q3"));
        if (quarter.firstDay().isAfter(today)) {
            throw ProblemException.badField("quarter", "is in the future");
        }
        return quarter;
    }

    /** The month asked for ({@code YYYY-MM}), or the last complete one; never one that has not begun. */
    public YearMonth month(String text) {
        return month("month", text);
    }

    private YearMonth month(String name, String text) {
        LocalDate today = England.today(clock);
        text = given(name, text);
        if (text == null) {
            return YearMonth.from(today).minusMonths(1);
        }
        YearMonth month;
        try {
            if (!text.trim().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("shape", text, 0);
            }
            month = YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be YYYY-MM, e.g. 2026-10");
        }
        if (month.atDay(1).isAfter(today)) {
            throw ProblemException.badField(name, "is in the future");
        }
        return month;
    }

    /**
     * The months from {@code from} to {@code to} ({@code YYYY-MM}, both included): by default the twelve
     * ending with the last complete month; none that has not begun, at most {@code most} months.
     */
    public Months months(String from, String to, int most) {
        YearMonth last = month("to", to);
        YearMonth first = given("from", from) == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.badField("from", "is after to");
        }
        if (first.plusMonths(most).isBefore(last.plusMonths(1))) {
            throw ProblemException.badField("from", "must be at most " + most + " months before to");
        }
        return new Months(first, last);
    }

    /** An optional English day ({@code YYYY-MM-DD}) named {@code name}; null when not given. */
    public LocalDate day(String name, String text) {
        text = given(name, text);
        if (text == null) {
            return null;
        }
        try {
            if (!text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("shape", text, 0);
            }
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be YYYY-MM-DD, e.g. 2026-10-01");
        }
    }

    /**
     * An admin sees every ICB (small numbers suppressed) or, naming one, that ICB; an analyst or commissioner
     * sees its own ICB, and another ICB's report does not exist for it (404, as elsewhere).
     */
    public Scope scope(String icb) {
        icb = given("icb", icb);
        if (icb != null && icb.isBlank()) {
            throw ProblemException.badField("icb", "must be an ICB ODS code, e.g. QWO");
        }
        String asked = icb == null ? null : icb.trim().toUpperCase(Locale.ROOT);
        if (caller.is(Roles.ADMIN)) {
            if (asked == null) {
                return new Scope(null, true);
            }
            if (!practices.isIcb(asked)) {
                throw ProblemException.notFound("ICB " + (asked.matches("[A-Z0-9]{1,10}") ? asked : "asked for"));
            }
            return new Scope(asked, false);
        }
        String own = caller.requireOrganisation();
        if (asked != null && !asked.equals(own)) {
            throw ProblemException.notFound("ICB " + (asked.matches("[A-Z0-9]{1,10}") ? asked : "asked for"));
        }
        return new Scope(own, false);
    }

    /** {@code format=json|csv} if given, else the Accept header (CSV only when it prefers text/csv). */
    public Format format(String format) {
        format = given("format", format);
        if (format != null) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                default -> throw ProblemException.badField("format", "must be json or csv");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return Format.CSV;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
        }
        return Format.JSON;
    }
}
