package uk.nhs.pathways.outcomes.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;
import uk.nhs.pathways.platform.time.England;

/**
 * The national programme's view of a quarter, as the programme counts itself ("260 of 334 sites still
 * delivering"): how many sites have ever delivered a course, how many delivered in the quarter and the
 * share that kept going; and the quarter's starts, completers and outcomes, nationally and per ICB.
 * People's figures are the national and ICB rows of the cross-ICB quarterly table, with its small-number
 * suppression, so the two never show one count two ways. Site counts are not about people: not suppressed.
 */
@ApplicationScoped
public class NationalView {

    /** An unfinished course counts as delivering for this long after its first session (a 12-week course). */
    static final int UNFINISHED_COURSE_DAYS = 91;

    @Inject
    EntityManager entityManager;

    @Inject
    QuarterlyReport quarterly;

    @Inject
    Clock clock;

    /**
     * @param everDelivering      sites where a course had started by the quarter's end
     * @param deliveringInQuarter of those, sites where a course ran during the quarter
     * @param sustainedPercent    deliveringInQuarter / everDelivering
     */
    public record Sites(String icb, long everDelivering, long deliveringInQuarter, Double sustainedPercent) {}

    public record View(
            String quarter,
            LocalDate from,
            LocalDate to,
            boolean smallNumbersSuppressed,
            Sites sites,
            List<Sites> sitesByIcb,
            List<String> notes,
            List<ReportRow> rows) {}

    public View of(Quarter quarter) {
        QuarterlyReport.Table table = quarterly.of(quarter, null, true);
        List<ReportRow> rows = table.rows().stream()
                .filter(r -> "NATIONAL".equals(r.label("level")) || "ICB".equals(r.label("level")))
                .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> results = entityManager
                .createNativeQuery("""
                        with delivered as (
                            select c.site_id,
                                   bool_or(coalesce(c.ended_on, c.first_session_on + %d) >= :from) as in_quarter
                            from course c
                            where c.first_session_on < :to and c.site_id is not null
                            group by c.site_id)
                        select s.icb, grouping(s.icb), count(*), count(*) filter (where d.in_quarter)
                        from delivered d left join site_copy s on s.site_id = d.site_id
                        group by grouping sets ((s.icb), ())""".formatted(UNFINISHED_COURSE_DAYS))
                .setParameter("from", quarter.firstDay())
                .setParameter("to", quarter.endExclusive())
                .getResultList();
        Sites national = new Sites(null, 0, 0, null);
        List<Sites> byIcb = new ArrayList<>();
        for (Object[] r : results) {
            long ever = ((Number) r[2]).longValue();
            long now = ((Number) r[3]).longValue();
            Sites sites = new Sites((String) r[0], ever, now, QuarterlyReport.percent(now, ever));
            if (((Number) r[1]).intValue() == 1) {
                national = sites;
            } else if (r[0] != null) {
                byIcb.add(sites);
            }
        }
        byIcb.sort(java.util.Comparator.comparing(Sites::icb));
        List<String> notes = new ArrayList<>(table.notes());
        notes.add("Sites: everDelivering counts sites where a course had started by the quarter's end;"
                + " deliveringInQuarter those where a course ran during it (an unfinished course runs "
                + UNFINISHED_COURSE_DAYS + " days from its first session); per ICB, by where the site is."
                + " As of " + England.today(clock) + ".");
        return new View(table.quarter(), table.from(), table.to(), true, national, byIcb, List.copyOf(notes), rows);
    }
}
