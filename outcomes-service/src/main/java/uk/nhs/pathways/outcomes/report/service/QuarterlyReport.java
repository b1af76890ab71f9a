package uk.nhs.pathways.outcomes.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.platform.time.England;

/**
 * The quarterly outcomes report per site, provider and ICB (and, across ICBs, the nation), one row per
 * course variant: a reduced course's figures are never pooled with the standard course's. Read from the
 * course and journey tables on every request through the indexes on (icb, date), so one ICB's quarter
 * reads only that ICB's rows for that quarter.
 *
 * <p>Which quarter a figure belongs to: referrals by the day they were made; starts (and the days from
 * referral to first session) by the first session; completers, drop-outs, did-not-attends, data
 * completeness and measures by the day the course ended. Completion rate is completers over courses
 * that ended having started (completers and drop-outs): a person who never came is counted as a
 * did-not-attend, not as a drop-out.
 */
@ApplicationScoped
public class QuarterlyReport {

    public static final String STANDARD = "STANDARD";
    public static final String REDUCED = "REDUCED";

    /** Measures are reported at the last session and at follow-up, each against the first-session baseline. */
    public static final List<Timepoint> LATER = List.of(Timepoint.LAST_SESSION, Timepoint.FOLLOW_UP);

    @Inject
    EntityManager entityManager;

    @Inject
    ContractAlertsReport contractAlerts;

    /**
     * @param scope          the ICB, or null for every ICB (with national rows)
     * @param quarter        the quarter reported
     * @param smallNumbers   whether to suppress small numbers (tables that leave one ICB's scope)
     * @param contractAlerts the scope's contract utilisation alerts whose period overlaps the quarter (never
     *                       suppressed: contract figures, not people)
     */
    public record Table(
            String quarter,
            LocalDate from,
            LocalDate to,
            String scope,
            boolean smallNumbersSuppressed,
            List<String> notes,
            List<ReportRow> rows,
            ContractAlertsReport.Section contractAlerts) {}

    public Table of(Quarter quarter, String icb, boolean smallNumbers) {
        Rows rows = new Rows(icb == null);
        LocalDate from = quarter.firstDay();
        LocalDate to = quarter.endExclusive();
        referrals(rows, icb, from, to);
        starts(rows, icb, from, to);
        ended(rows, icb, from, to);
        measures(rows, icb, from, to);
        List<ReportRow> table = rows.build();
        if (smallNumbers) {
            ReportRow.suppressSmallNumbers(table);
        }
        return new Table(
                quarter.toString(),
                from,
                to.minusDays(1),
                icb == null ? "ALL" : icb,
                smallNumbers,
                Notes.quarterly(smallNumbers),
                table,
                contractAlerts.overlapping(icb, quarter));
    }

    private void referrals(Rows rows, String icb, LocalDate from, LocalDate to) {
        Query query = entityManager
                .createNativeQuery(
                        """
                        select icb, provider_id, site_id, coalesce(sessions, 12) < 12,
                               grouping(icb, provider_id, site_id), count(*)
                        from referral_journey
                        where submitted_at >= :from and submitted_at < :to and %s
                        group by %s""".formatted(scope("icb", icb), groupingSets(icb, "coalesce(sessions, 12) < 12", "", "")))
                .setParameter("from", instant(from))
                .setParameter("to", instant(to));
        for (Object[] r : results(query, icb)) {
            Acc acc = rows.at(r);
            if (acc != null) {
                acc.add("referrals", r[5]);
            }
        }
    }

    private void starts(Rows rows, String icb, LocalDate from, LocalDate to) {
        Query query = entityManager
                .createNativeQuery("""
                        select icb, provider_id, site_id, reduced, grouping(icb, provider_id, site_id), count(*),
                               percentile_cont(0.5) within group (order by first_session_on - referred_on)
                        from course
                        where first_session_on >= :from and first_session_on < :to and %s
                        group by %s""".formatted(scope("icb", icb), groupingSets(icb, "reduced", "", "")))
                .setParameter("from", from)
                .setParameter("to", to);
        for (Object[] r : results(query, icb)) {
            Acc acc = rows.at(r);
            if (acc != null) {
                acc.add("starts", r[5]);
                acc.medianDays = r[6] == null ? null : ((Number) r[6]).doubleValue();
            }
        }
    }

    private void ended(Rows rows, String icb, LocalDate from, LocalDate to) {
        Query query = entityManager
                .createNativeQuery("""
                        select icb, provider_id, site_id, reduced, grouping(icb, provider_id, site_id),
                               count(*) filter (where outcome = '%s'),
                               count(*) filter (where outcome = '%s'),
                               count(*) filter (where outcome = '%s'),
                               count(*) filter (where outcome in ('%1$s', '%2$s') and baseline_and_end)
                        from course
                        where ended_on >= :from and ended_on < :to and %s
                        group by %s""".formatted(
                                CourseOutcome.COMPLETED,
                                CourseOutcome.DROPPED_OUT,
                                CourseOutcome.DID_NOT_ATTEND,
                                scope("icb", icb),
                                groupingSets(icb, "reduced", "", "")))
                .setParameter("from", from)
                .setParameter("to", to);
        for (Object[] r : results(query, icb)) {
            Acc acc = rows.at(r);
            if (acc != null) {
                acc.add("completers", r[5]);
                acc.add("droppedOut", r[6]);
                acc.add("didNotAttend", r[7]);
                acc.add("withBaselineAndEnd", r[8]);
            }
        }
    }

    private void measures(Rows rows, String icb, LocalDate from, LocalDate to) {
        Query query = entityManager
                .createNativeQuery("""
                        select c.icb, c.provider_id, c.site_id, c.reduced,
                               grouping(c.icb, c.provider_id, c.site_id), m.instrument, m.timepoint,
                               count(*) filter (where m.change is not null),
                               count(*) filter (where m.responder),
                               avg(m.change), count(*)
                        from course c join measure m on m.course_id = c.course_id
                        where c.ended_on >= :from and c.ended_on < :to and c.outcome in ('%s', '%s') and %s
                        group by %s""".formatted(
                                CourseOutcome.COMPLETED,
                                CourseOutcome.DROPPED_OUT,
                                scope("c.icb", icb),
                                groupingSets(icb, "c.reduced", "m.instrument, m.timepoint, ", "c.")))
                .setParameter("from", from)
                .setParameter("to", to);
        for (Object[] r : results(query, icb)) {
            Acc acc = rows.at(r);
            if (acc == null) {
                continue;
            }
            Instrument instrument = Instrument.valueOf((String) r[5]);
            Timepoint timepoint = Timepoint.valueOf((String) r[6]);
            if (timepoint == Timepoint.FIRST_SESSION) {
                acc.add(instrument + ".baselined", r[10]); // every first-session measure is a baseline
            } else {
                String key = instrument + "." + timepoint;
                acc.add(key + ".paired", r[7]);
                acc.add(key + ".responders", r[8]);
                acc.means.put(key, r[9] == null ? null : ((Number) r[9]).doubleValue());
            }
        }
    }

    // ---- building the rows ------------------------------------------------------------------------

    private static String scope(String column, String icb) {
        return icb == null ? column + " is not null" : column + " = :icb";
    }

    /** Site, provider and ICB rows (and national rows across ICBs), per course variant. */
    private static String groupingSets(String icb, String variant, String prefix, String alias) {
        String sets = "grouping sets ((%1$s%2$s, %3$sicb, %3$sprovider_id, %3$ssite_id),"
                        .formatted(prefix, variant, alias)
                + " (%1$s%2$s, %3$sicb, %3$sprovider_id), (%1$s%2$s, %3$sicb)".formatted(prefix, variant, alias);
        return icb == null ? sets + ", (%s%s))".formatted(prefix, variant) : sets + ")";
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query, String icb) {
        if (icb != null) {
            query.setParameter("icb", icb);
        }
        return query.getResultList();
    }

    private static OffsetDateTime instant(LocalDate day) {
        return day.atStartOfDay(England.ZONE).toOffsetDateTime();
    }

    /** One row being added up: its key, its counts so far, its median and means. */
    static final class Acc {
        final String level;
        final String icb;
        final String provider;
        final String site;
        final String variant;
        final Acc parent;
        final List<Acc> children = new ArrayList<>();
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, Double> means = new HashMap<>();
        Double medianDays;

        Acc(String level, String icb, String provider, String site, String variant, Acc parent) {
            this.level = level;
            this.icb = icb;
            this.provider = provider;
            this.site = site;
            this.variant = variant;
            this.parent = parent;
            if (parent != null) {
                parent.children.add(this);
            }
        }

        void add(String name, Object value) {
            counts.merge(name, value == null ? 0 : ((Number) value).longValue(), Long::sum);
        }

        long n(String name) {
            return counts.getOrDefault(name, 0L);
        }
    }

    /** The rows of one table, found or made by their key; a row's parent is made first. */
    static final class Rows {
        private final boolean national;
        private final Map<String, Acc> byKey = new LinkedHashMap<>();

        Rows(boolean national) {
            this.national = national;
        }

        /** The row a result belongs to (columns: icb, provider, site, reduced, grouping); null if unattributed. */
        Acc at(Object[] r) {
            String icb = (String) r[0];
            String provider = (String) r[1];
            String site = (String) r[2];
            String variant = Boolean.TRUE.equals(r[3]) ? REDUCED : STANDARD;
            int grouping = ((Number) r[4]).intValue();
            return switch (grouping) {
                case 0 -> site == null || provider == null ? null : site(variant, icb, provider, site);
                case 1 -> provider == null ? null : provider(variant, icb, provider);
                case 3 -> icb(variant, icb);
                case 7 -> national ? nation(variant) : null;
                default -> null;
            };
        }

        Acc nation(String variant) {
            return byKey.computeIfAbsent(variant + "|", k -> new Acc("NATIONAL", null, null, null, variant, null));
        }

        Acc icb(String variant, String icb) {
            Acc parent = national ? nation(variant) : null;
            return byKey.computeIfAbsent(variant + "|" + icb, k -> new Acc("ICB", icb, null, null, variant, parent));
        }

        Acc provider(String variant, String icb, String provider) {
            Acc parent = icb(variant, icb);
            return byKey.computeIfAbsent(
                    variant + "|" + icb + "|" + provider,
                    k -> new Acc("PROVIDER", icb, provider, null, variant, parent));
        }

        Acc site(String variant, String icb, String provider, String site) {
            Acc parent = provider(variant, icb, provider);
            return byKey.computeIfAbsent(
                    variant + "|" + icb + "|" + provider + "|" + site,
                    k -> new Acc("SITE", icb, provider, site, variant, parent));
        }

        /** The report rows, each parent before its children, in code order. */
        List<ReportRow> build() {
            List<ReportRow> out = new ArrayList<>();
            Comparator<Acc> order = Comparator.comparing((Acc a) -> a.variant.equals(STANDARD) ? 0 : 1)
                    .thenComparing(a -> Objects.toString(a.icb, ""))
                    .thenComparing(a -> Objects.toString(a.provider, ""))
                    .thenComparing(a -> Objects.toString(a.site, ""));
            byKey.values().stream().filter(a -> a.parent == null).sorted(order).forEach(a -> emit(a, null, order, out));
            return out;
        }

        private void emit(Acc acc, ReportRow parent, Comparator<Acc> order, List<ReportRow> out) {
            ReportRow row = row(acc, parent);
            out.add(row);
            acc.children.stream().sorted(order).forEach(child -> emit(child, row, order, out));
        }

        private static ReportRow row(Acc a, ReportRow parent) {
            long finished = a.n("completers") + a.n("droppedOut");
            ReportRow row = new ReportRow(parent)
                    .label("level", a.level)
                    .label("icb", a.icb)
                    .label("providerId", a.provider)
                    .label("siteId", a.site)
                    .label("variant", a.variant)
                    .count("referrals", a.n("referrals"))
                    .count("starts", a.n("starts"))
                    .count("completers", a.n("completers"))
                    .count("droppedOut", a.n("droppedOut"))
                    .count("didNotAttend", a.n("didNotAttend"))
                    .count("withBaselineAndEnd", a.n("withBaselineAndEnd"))
                    .hidden("withoutBaselineAndEnd", finished - a.n("withBaselineAndEnd"))
                    .equation("completers", "droppedOut", "withBaselineAndEnd", "withoutBaselineAndEnd")
                    .derived("completionPercent", percent(a.n("completers"), finished), "completers", "droppedOut")
                    .derived("medianDaysToFirstSession", round(a.medianDays, 1), "starts")
                    .derived(
                            "dataCompletenessPercent",
                            percent(a.n("withBaselineAndEnd"), finished),
                            "withBaselineAndEnd",
                            "completers",
                            "droppedOut");
            for (Instrument instrument : Instrument.values()) {
                String baselined = instrument + ".baselined";
                row.hidden(baselined, a.n(baselined));
                for (Timepoint timepoint : LATER) {
                    String key = instrument + "." + timepoint;
                    long paired = a.n(key + ".paired");
                    long responders = a.n(key + ".responders");
                    row.count(key + ".paired", paired)
                            .count(key + ".responders", responders)
                            .count(key + ".missing", a.n(baselined) - paired)
                            .hidden(key + ".nonResponders", paired - responders)
                            .equation(key + ".paired", key + ".responders", key + ".nonResponders")
                            .equation(baselined, key + ".paired", key + ".missing")
                            .derived(key + ".meanChange", round(a.means.get(key), 2), key + ".paired")
                            .derived(
                                    key + ".responderPercent",
                                    percent(responders, paired),
                                    key + ".responders",
                                    key + ".paired");
                }
            }
            return row;
        }
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
