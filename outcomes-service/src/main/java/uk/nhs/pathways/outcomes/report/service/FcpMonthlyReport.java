package uk.nhs.pathways.outcomes.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.platform.time.England;

/**
 * The FCP monthly performance report: per referring practice and per PCN, the month's referrals followed
 * through offered, booked, started and completed, and the median days from referral to first session.
 * Each stage is a subset of the one before (a booked referral counts as offered), so a stage's drop-off is
 * a complement that small-number suppression protects like any shown count.
 */
@ApplicationScoped
public class FcpMonthlyReport {

    private static final List<String> STAGES = List.of("referralsMade", "offered", "booked", "started", "completed");

    @Inject
    EntityManager entityManager;

    public record Table(
            String month,
            LocalDate from,
            LocalDate to,
            String scope,
            boolean smallNumbersSuppressed,
            List<String> notes,
            List<ReportRow> rows) {}

    public Table of(YearMonth month, String icb, boolean smallNumbers) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        var query = entityManager
                .createNativeQuery(
                        """
                        select j.icb, j.pcn_code, j.practice_ods_code, grouping(j.icb, j.pcn_code, j.practice_ods_code),
                               count(*),
                               count(*) filter (where j.first_offered_at is not null or j.first_booked_at is not null
                                                      or c.first_on is not null),
                               count(*) filter (where j.first_booked_at is not null or c.first_on is not null),
                               count(*) filter (where c.first_on is not null),
                               count(*) filter (where c.first_on is not null and c.completed),
                               percentile_cont(0.5) within group (
                                   order by c.first_on - cast(j.submitted_at at time zone 'Europe/London' as date))
                        from referral_journey j
                        left join lateral (
                            select min(first_session_on) as first_on, bool_or(outcome = '%s') as completed
                            from course where course.referral_id = j.referral_id) c on true
                        where j.submitted_at >= :from and j.submitted_at < :to and %s
                        group by grouping sets ((j.icb, j.pcn_code, j.practice_ods_code), (j.icb, j.pcn_code), (j.icb))""".formatted(CourseOutcome.COMPLETED, icb == null ? "j.icb is not null" : "j.icb = :icb"))
                .setParameter("from", from.atStartOfDay(England.ZONE).toOffsetDateTime())
                .setParameter("to", to.atStartOfDay(England.ZONE).toOffsetDateTime());
        if (icb != null) {
            query.setParameter("icb", icb);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> results = query.getResultList();
        Map<String, Object[]> icbs = new TreeMap<>();
        Map<String, Map<String, Object[]>> pcns = new TreeMap<>();
        Map<String, Map<String, Object[]>> practices = new TreeMap<>();
        for (Object[] r : results) {
            String icbCode = (String) r[0];
            String pcn = (String) r[1] == null ? "-" : (String) r[1];
            switch (((Number) r[3]).intValue()) {
                case 0 ->
                    practices
                            .computeIfAbsent(icbCode + "|" + pcn, k -> new TreeMap<>())
                            .put((String) r[2], r);
                case 1 -> pcns.computeIfAbsent(icbCode, k -> new TreeMap<>()).put(pcn, r);
                case 3 -> icbs.put(icbCode, r);
                default -> {}
            }
        }
        List<ReportRow> rows = new ArrayList<>();
        icbs.forEach((icbCode, icbResult) -> {
            ReportRow icbRow = row(null, "ICB", icbCode, null, null, icbResult);
            rows.add(icbRow);
            pcns.getOrDefault(icbCode, Map.of()).forEach((pcn, pcnResult) -> {
                ReportRow pcnRow = row(icbRow, "PCN", icbCode, pcn, null, pcnResult);
                rows.add(pcnRow);
                practices
                        .getOrDefault(icbCode + "|" + pcn, Map.of())
                        .forEach((practice, r) -> rows.add(row(pcnRow, "PRACTICE", icbCode, pcn, practice, r)));
            });
        });
        if (smallNumbers) {
            ReportRow.suppressSmallNumbers(rows);
        }
        return new Table(
                month.toString(),
                from,
                to.minusDays(1),
                icb == null ? "ALL" : icb,
                smallNumbers,
                Notes.monthly(smallNumbers),
                rows);
    }

    private static ReportRow row(ReportRow parent, String level, String icb, String pcn, String practice, Object[] r) {
        ReportRow row = new ReportRow(parent)
                .label("level", level)
                .label("icb", icb)
                .label("pcnCode", pcn)
                .label("practiceOdsCode", practice);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < STAGES.size(); i++) {
            counts.put(STAGES.get(i), ((Number) r[4 + i]).longValue());
            row.count(STAGES.get(i), counts.get(STAGES.get(i)));
        }
        for (int i = 1; i < STAGES.size(); i++) {
            String before = STAGES.get(i - 1);
            String stage = STAGES.get(i);
            String dropOff = before + "Not" + Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
            row.hidden(dropOff, counts.get(before) - counts.get(stage)).equation(before, stage, dropOff);
        }
        row.derived(
                "medianDaysToFirstSession",
                r[9] == null ? null : QuarterlyReport.round(((Number) r[9]).doubleValue(), 1),
                "started");
        return row;
    }
}
