package uk.nhs.pathways.outcomes.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.platform.time.England;

/**
 * An ICB's activity month by month over a span of months: referrals made, courses started, completed,
 * dropped out of and not attended, per course variant (a reduced course is never counted as standard).
 * Each figure falls in a month exactly as the quarterly report puts it in a quarter (referrals by the day
 * made, starts by the first session, endings by the day the course ended), so three months of this table
 * add up to that quarter's ICB row. Across ICBs (an admin naming none) each month has a national row over
 * its ICB rows, with small numbers suppressed.
 */
@ApplicationScoped
public class MonthlyActivityReport {

    /** The longest span one request may ask for: two financial years. */
    public static final int MAX_MONTHS = 24;

    private static final List<String> COUNTS =
            List.of("referrals", "starts", "completers", "droppedOut", "didNotAttend");

    private static final String REFERRAL_MONTH = "to_char(submitted_at at time zone 'Europe/London', 'YYYY-MM')";
    private static final String REFERRAL_REDUCED = "coalesce(sessions, 12) < 12";
    private static final String STARTED_MONTH = "to_char(first_session_on, 'YYYY-MM')";
    private static final String ENDED_MONTH = "to_char(ended_on, 'YYYY-MM')";

    @Inject
    EntityManager entityManager;

    public record Table(
            String from,
            String to,
            LocalDate firstDay,
            LocalDate lastDay,
            String scope,
            boolean smallNumbersSuppressed,
            List<String> notes,
            List<ReportRow> rows) {}

    /**
     * @param icb          the ICB, or null for every ICB (with national rows)
     * @param smallNumbers whether to suppress small numbers (tables that leave one ICB's scope)
     */
    public Table of(YearMonth first, YearMonth last, String icb, boolean smallNumbers) {
        LocalDate from = first.atDay(1);
        LocalDate to = last.plusMonths(1).atDay(1);
        // month | variant | icb ("" for the nation) -> counts
        Map<String, Map<String, Long>> cells = new HashMap<>();
        String scope = icb == null ? "icb is not null" : "icb = :icb";
        Query referrals = entityManager
                .createNativeQuery("""
                        select %1$s, %2$s, icb, count(*)
                        from referral_journey
                        where submitted_at >= :from and submitted_at < :to and %3$s
                        group by %4$s""".formatted(
                        REFERRAL_MONTH, REFERRAL_REDUCED, scope, groupBy(REFERRAL_MONTH, REFERRAL_REDUCED, icb)))
                .setParameter("from", from.atStartOfDay(England.ZONE).toOffsetDateTime())
                .setParameter("to", to.atStartOfDay(England.ZONE).toOffsetDateTime());
        add(cells, results(referrals, icb), "referrals");
        Query starts = entityManager
                .createNativeQuery("""
                        select %1$s, reduced, icb, count(*)
                        from course
                        where first_session_on >= :from and first_session_on < :to and %2$s
                        group by %3$s""".formatted(STARTED_MONTH, scope, groupBy(STARTED_MONTH, "reduced", icb)))
                .setParameter("from", from)
                .setParameter("to", to);
        add(cells, results(starts, icb), "starts");
        Query ended = entityManager
                .createNativeQuery("""
                        select %5$s, reduced, icb,
                               count(*) filter (where outcome = '%1$s'),
                               count(*) filter (where outcome = '%2$s'),
                               count(*) filter (where outcome = '%3$s')
                        from course
                        where ended_on >= :from and ended_on < :to and %4$s
                        group by %6$s""".formatted(
                                CourseOutcome.COMPLETED,
                                CourseOutcome.DROPPED_OUT,
                                CourseOutcome.DID_NOT_ATTEND,
                                scope,
                                ENDED_MONTH,
                                groupBy(ENDED_MONTH, "reduced", icb)))
                .setParameter("from", from)
                .setParameter("to", to);
        add(cells, results(ended, icb), "completers", "droppedOut", "didNotAttend");

        List<ReportRow> rows = rows(first, last, icb, cells);
        if (smallNumbers) {
            ReportRow.suppressSmallNumbers(rows);
        }
        return new Table(
                first.toString(),
                last.toString(),
                from,
                to.minusDays(1),
                icb == null ? "ALL" : icb,
                smallNumbers,
                Notes.monthlyActivity(smallNumbers),
                rows);
    }

    /**
     * Every month has a standard-course row (zeros included, so a chart has no gaps); a reduced-course row
     * only where there was reduced-course activity. Across ICBs, the national row then its ICBs' rows.
     */
    private static List<ReportRow> rows(
            YearMonth first, YearMonth last, String icb, Map<String, Map<String, Long>> cells) {
        List<ReportRow> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            for (String variant : List.of(QuarterlyReport.STANDARD, QuarterlyReport.REDUCED)) {
                String prefix = month + "|" + variant + "|";
                Map<String, Map<String, Long>> icbs = new TreeMap<>();
                cells.forEach((key, counts) -> {
                    if (key.startsWith(prefix) && key.length() > prefix.length()) {
                        icbs.put(key.substring(prefix.length()), counts);
                    }
                });
                if (icbs.isEmpty() && variant.equals(QuarterlyReport.REDUCED)) {
                    continue;
                }
                if (icb == null) {
                    ReportRow nation = row(null, "NATIONAL", month, null, variant, cells.get(prefix));
                    rows.add(nation);
                    icbs.forEach((code, counts) -> rows.add(row(nation, "ICB", month, code, variant, counts)));
                } else {
                    rows.add(row(null, "ICB", month, icb, variant, icbs.get(icb)));
                }
            }
        }
        return rows;
    }

    private static ReportRow row(
            ReportRow parent, String level, YearMonth month, String icb, String variant, Map<String, Long> counts) {
        ReportRow row = new ReportRow(parent)
                .label("level", level)
                .label("month", month.toString())
                .label("icb", icb)
                .label("variant", variant);
        for (String name : COUNTS) {
            row.count(name, counts == null ? 0 : counts.getOrDefault(name, 0L));
        }
        return row;
    }

    /** Results (month, reduced, icb or null for the nation, counts…) into the cells, named in order. */
    private static void add(Map<String, Map<String, Long>> cells, List<Object[]> results, String... names) {
        for (Object[] r : results) {
            String variant = Boolean.TRUE.equals(r[1]) ? QuarterlyReport.REDUCED : QuarterlyReport.STANDARD;
            String key = r[0] + "|" + variant + "|" + (r[2] == null ? "" : r[2]);
            Map<String, Long> counts = cells.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (int i = 0; i < names.length; i++) {
                counts.merge(names[i], ((Number) r[3 + i]).longValue(), Long::sum);
            }
        }
    }

    /** Per month, variant and ICB; across ICBs also per month and variant (the nation). */
    private static String groupBy(String month, String variant, String icb) {
        return icb == null
                ? "grouping sets ((%1$s, %2$s, icb), (%1$s, %2$s))".formatted(month, variant)
                : "%s, %s, icb".formatted(month, variant);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query, String icb) {
        if (icb != null) {
            query.setParameter("icb", icb);
        }
        return query.getResultList();
    }
}
