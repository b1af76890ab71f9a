package uk.nhs.pathways.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.nhs.pathways.web.support.SignedInUser;

/**
 * The dashboard's four charts for the signed-in commissioner or analyst, each from the services' own reports
 * (called with their token, so each service scopes them to their ICB). Figures are shown as the services
 * give them: nothing here adds up one scope's numbers to make another's.
 */
@RequestScoped
public class DashboardCharts {

    public static final List<String> NAMES = List.of("activity", "sites", "contracts", "outcomes");

    static final String SUPPRESSED = "[c]";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    @RestClient
    OutcomesReports outcomes;

    @Inject
    @RestClient
    SiteReports sites;

    @Inject
    @RestClient
    Contracts contracts;

    @Inject
    SignedInUser user;

    public Chart chart(String name, Period period, LocalDate today) {
        return switch (name) {
            case "activity" -> activity(period);
            case "sites" -> sites(period, today);
            case "contracts" -> user.is(SignedInUser.COMMISSIONER) ? utilisation(period, today) : alerts(period);
            case "outcomes" -> outcomes(period);
            default -> throw new IllegalArgumentException(name);
        };
    }

    // ---- 1. Referrals, starts and completions per month -------------------------------------------

    Chart activity(Period period) {
        JsonNode report = outcomes.monthlyActivity(
                period.first().toString(), period.last().toString());
        List<String> labels = period.months().stream().map(MONTH::format).toList();
        Map<String, Map<String, Number[]>> byVariant = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            if (!"ICB".equals(row.path("level").asText())) {
                continue;
            }
            String variant = row.path("variant").asText();
            YearMonth month = YearMonth.parse(row.path("month").asText());
            int index = period.months().indexOf(month);
            rows.add(Arrays.asList(
                    MONTH.format(month),
                    course(variant),
                    count(row, "referrals"),
                    count(row, "starts"),
                    count(row, "completers"),
                    count(row, "droppedOut"),
                    count(row, "didNotAttend")));
            if (index < 0) {
                continue;
            }
            Map<String, Number[]> series = byVariant.computeIfAbsent(variant, v -> new LinkedHashMap<>());
            for (String measure : List.of("referrals", "starts", "completers")) {
                series.computeIfAbsent(measure, m -> new Number[labels.size()])[index] = number(row, measure);
            }
        }
        Chart.Spec spec = new Chart.Spec("line", labels, "People", false, false);
        Map<String, String> names = Map.of("referrals", "Referrals", "starts", "Starts", "completers", "Completions");
        byVariant.forEach((variant, series) -> series.forEach((measure, values) -> spec.series(
                names.get(measure) + ("REDUCED".equals(variant) ? " (reduced course)" : ""), Arrays.asList(values))));
        DataTable table = new DataTable(
                "Referrals, starts and completions per month, " + period.label().toLowerCase(Locale.ROOT),
                List.of("Month", "Course", "Referrals", "Starts", "Completions", "Dropped out", "Did not attend"),
                rows);
        return new Chart(
                "activity",
                "Referrals, starts and completions per month",
                "Referrals by the month they were made, starts by the first session, completions by the month"
                        + " the course ended.",
                "A month not yet over shows what has happened so far. Reduced courses (fewer than 12 sessions)"
                        + " are counted apart from the standard course.",
                table,
                spec.json());
    }

    // ---- 2. Sites active and sustained ------------------------------------------------------------

    Chart sites(Period period, LocalDate today) {
        List<String> labels = new ArrayList<>();
        List<Number> active = new ArrayList<>();
        List<Number> ever = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth month : period.months()) {
            LocalDate asOf = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
            JsonNode all = sites.siteSustainability(asOf.toString()).path("all");
            labels.add(MONTH.format(month));
            active.add(all.path("active").asLong());
            ever.add(all.path("everDelivered").asLong());
            rows.add(Arrays.asList(
                    DAY.format(asOf),
                    all.path("active").asLong(),
                    all.path("everDelivered").asLong(),
                    all.path("stillDeliveringPercent").asDouble(),
                    all.path("onboarding").asLong(),
                    all.path("paused").asLong(),
                    all.path("ceased").asLong()));
        }
        Chart.Spec spec = new Chart.Spec("line", labels, "Sites", false, false)
                .series("Sites active", active)
                .series("Sites ever active", ever);
        DataTable table = new DataTable(
                "Sites active and sustained at the end of each month, "
                        + period.label().toLowerCase(Locale.ROOT),
                List.of("As of", "Active", "Ever active", "Still delivering (%)", "Onboarding", "Paused", "Ceased"),
                rows);
        return new Chart(
                "sites",
                "Sites active and sustained",
                "Sites in your ICB's area delivering ESCAPE-pain at the end of each month, against the sites"
                        + " that had ever been active by then.",
                "Still delivering: active sites as a share of the sites ever active. From the site directory's"
                        + " status history, so a past month's figures stay as they were.",
                table,
                spec.json());
    }

    // ---- 3. Contract utilisation (commissioners) or its alerts (analysts) --------------------------

    Chart utilisation(Period period, LocalDate today) {
        LocalDate day = period.lastDay().isAfter(today) ? today : period.lastDay();
        List<String> labels = new ArrayList<>();
        List<Number> used = new ArrayList<>();
        List<Number> committed = new ArrayList<>();
        List<Number> remaining = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode contract : contracts.list()) {
            String id = contract.path("id").asText();
            JsonNode u = contracts.utilisation(id, day.toString());
            JsonNode episodes = u.path("episodes");
            JsonNode budget = u.path("budget");
            labels.add(id);
            used.add(episodes.path("used").asLong());
            committed.add(episodes.path("committed").asLong());
            remaining.add(nullable(episodes, "remaining"));
            List<Object> row = new ArrayList<>();
            row.add(id);
            row.add(DAY.format(LocalDate.parse(u.path("periodStart").asText())) + " to "
                    + DAY.format(LocalDate.parse(u.path("periodEnd").asText())));
            row.add(nullable(episodes, "cap"));
            row.add(episodes.path("used").asLong());
            row.add(episodes.path("committed").asLong());
            row.add(nullable(episodes, "remaining"));
            row.add(pounds(nullable(budget, "cap")));
            row.add(pounds(budget.path("used").asLong()));
            row.add(pounds(budget.path("committed").asLong()));
            rows.add(row);
        }
        Chart.Spec spec = new Chart.Spec("bar", labels, "Episodes", true, true)
                .series("Episodes used (started)", used)
                .series("Episodes committed (funded, not started)", committed)
                .series("Episodes remaining under the cap", remaining);
        DataTable table = new DataTable(
                "Contract utilisation in the cap period holding " + DAY.format(day),
                List.of(
                        "Contract",
                        "Cap period",
                        "Episode cap",
                        "Episodes used",
                        "Episodes committed",
                        "Episodes remaining",
                        "Budget cap (£)",
                        "Budget used (£)",
                        "Budget committed (£)"),
                rows);
        return new Chart(
                "contracts",
                "Contract utilisation",
                "Each of your ICB's contracts in its cap period holding " + DAY.format(day)
                        + ": episodes used, committed and remaining under the cap.",
                "Used: courses started; committed: funded and not yet started. A contract without an episode cap"
                        + " shows no remaining figure.",
                table,
                spec.json());
    }

    Chart alerts(Period period) {
        JsonNode report = outcomes.contractAlerts(
                period.first().atDay(1).toString(), period.lastDay().toString());
        Map<String, long[]> perContract = new TreeMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode alert : report.path("alerts")) {
            String contract = alert.path("contractId").asText();
            int threshold = alert.path("thresholdPercent").asInt();
            perContract.computeIfAbsent(contract, c -> new long[2])[threshold >= 100 ? 1 : 0]++;
            String measure = alert.path("measure").asText();
            boolean money = "BUDGET".equals(measure);
            rows.add(Arrays.asList(
                    alert.path("reachedAt").asText().substring(0, 10),
                    contract,
                    DAY.format(LocalDate.parse(alert.path("periodStart").asText())) + " to "
                            + DAY.format(LocalDate.parse(alert.path("periodEnd").asText())),
                    money ? "Budget (£)" : "Episodes",
                    threshold,
                    money
                            ? pounds(alert.path("cap").asLong())
                            : alert.path("cap").asLong(),
                    money
                            ? pounds(alert.path("committed").asLong())
                            : alert.path("committed").asLong(),
                    money
                            ? pounds(alert.path("used").asLong())
                            : alert.path("used").asLong()));
        }
        List<String> labels = new ArrayList<>(perContract.keySet());
        Chart.Spec spec = new Chart.Spec("bar", labels, "Alerts", false, true)
                .series(
                        "Reached 80% of a cap",
                        perContract.values().stream().map(c -> (Number) c[0]).toList())
                .series(
                        "Reached 100% of a cap",
                        perContract.values().stream().map(c -> (Number) c[1]).toList());
        DataTable table = new DataTable(
                "Contract utilisation alerts reached in the period, newest first",
                List.of("Reached on", "Contract", "Cap period", "Measure", "Threshold (%)", "Cap", "Committed", "Used"),
                rows);
        return new Chart(
                "contracts",
                "Contract utilisation alerts",
                "Contract figures themselves are for commissioners; as an ICS analyst you see each time one of"
                        + " your ICB's contracts reached 80% or 100% of a cap in the period.",
                "Committed: funded and not yet started; used: started, or payable for a budget.",
                table,
                spec.json());
    }

    // ---- 4. Outcomes per measure --------------------------------------------------------------------

    Chart outcomes(Period period) {
        Map<String, BigDecimal> mcid = new HashMap<>();
        for (JsonNode measure : outcomes.measures()) {
            mcid.put(measure.path("instrument").asText(), decimal(measure.path("mcid")));
        }
        Set<String> labels = new LinkedHashSet<>();
        Map<String, Map<String, Number>> perQuarter = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String quarter : period.quarters()) {
            JsonNode report = outcomes.quarterly(quarter);
            for (JsonNode row : report.path("rows")) {
                if (!"ICB".equals(row.path("level").asText())) {
                    continue;
                }
                String variant = row.path("variant").asText();
                for (String instrument : mcid.keySet().stream()
                        .sorted(DashboardCharts::instrumentOrder)
                        .toList()) {
                    for (String timepoint : List.of("LAST_SESSION", "FOLLOW_UP")) {
                        String key = instrument + "." + timepoint;
                        JsonNode paired = row.path(key + ".paired");
                        if (paired.isNumber() && paired.asLong() == 0) {
                            continue; // no one measured: nothing to show
                        }
                        rows.add(Arrays.asList(
                                quarter,
                                course(variant),
                                instrument(instrument),
                                "LAST_SESSION".equals(timepoint) ? "Last session" : "Follow-up",
                                count(row, key + ".paired"),
                                count(row, key + ".responders"),
                                count(row, key + ".responderPercent"),
                                count(row, key + ".meanChange"),
                                mcid.get(instrument)));
                        if ("STANDARD".equals(variant)) {
                            String label = instrument(instrument) + ", "
                                    + ("LAST_SESSION".equals(timepoint) ? "last session" : "follow-up");
                            labels.add(label);
                            perQuarter
                                    .computeIfAbsent(quarter, q -> new HashMap<>())
                                    .put(label, number(row, key + ".responderPercent"));
                        }
                    }
                }
            }
        }
        List<String> axis = List.copyOf(labels);
        Chart.Spec spec = new Chart.Spec("bar", axis, "Responders (%)", false, false);
        perQuarter.forEach((quarter, values) ->
                spec.series(quarter, axis.stream().map(values::get).toList()));
        DataTable table = new DataTable(
                "Outcomes per measure and quarter: responders and mean change from the first-session baseline",
                List.of(
                        "Quarter",
                        "Course",
                        "Measure",
                        "When",
                        "People with a baseline and this score",
                        "Responders",
                        "Responders (%)",
                        "Mean change",
                        "Responder threshold (MCID)"),
                rows);
        return new Chart(
                "outcomes",
                "Outcomes per measure",
                "For each quarter the period touches: the share of people whose score improved by at least the"
                        + " measure's responder threshold (MCID) from their first session, and the mean change.",
                "Courses counted in the quarter they ended; change is in the direction of benefit. The chart shows"
                        + " the standard 12-session course; reduced courses are in the table.",
                table,
                spec.json());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static final List<String> INSTRUMENTS = List.of("KOOS_PS", "HOOS_PS", "PAIN_NRS", "EQ_VAS", "SWEMWBS", "ASES_8");

    static int instrumentOrder(String a, String b) {
        return Integer.compare(order(a), order(b));
    }

    private static int order(String instrument) {
        int i = INSTRUMENTS.indexOf(instrument);
        return i < 0 ? INSTRUMENTS.size() : i;
    }

    static String instrument(String code) {
        return switch (code) {
            case "KOOS_PS" -> "KOOS-PS (knee function)";
            case "HOOS_PS" -> "HOOS-PS (hip function)";
            case "PAIN_NRS" -> "Pain (NRS)";
            case "EQ_VAS" -> "EQ VAS (health today)";
            case "SWEMWBS" -> "SWEMWBS (wellbeing)";
            case "ASES_8" -> "ASES-8 (self-efficacy)";
            default -> code;
        };
    }

    static String course(String variant) {
        return "REDUCED".equals(variant) ? "Reduced (fewer than 12 sessions)" : "Standard (12 sessions)";
    }

    /**
     * A figure as the report gives it: a number, [c] where small-number suppression withheld it, or null
     * (missing: e.g. no one to take a mean of).
     */
    static Object count(JsonNode row, String name) {
        JsonNode value = row.path(name);
        if (value.isNumber()) {
            return value.isIntegralNumber() ? (Object) value.asLong() : (Object) value.asDouble();
        }
        return suppressed(row, name) ? SUPPRESSED : null;
    }

    static Number number(JsonNode row, String name) {
        JsonNode value = row.path(name);
        return value.isNumber() ? value.numberValue() : null;
    }

    private static boolean suppressed(JsonNode row, String name) {
        for (JsonNode s : row.path("suppressed")) {
            if (name.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Long nullable(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isNumber() ? value.asLong() : null;
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros() : null;
    }

    static BigDecimal pounds(Long pence) {
        return pence == null ? null : BigDecimal.valueOf(pence, 2);
    }
}
