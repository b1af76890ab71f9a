package uk.nhs.pathways.outcomes.report.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.nhs.pathways.events.UtilisationMeasure;
import uk.nhs.pathways.outcomes.contract.domain.ContractAlert;
import uk.nhs.pathways.outcomes.contract.service.ContractAlerts;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.outcomes.report.domain.ReportRow;

/**
 * An ICB's contract utilisation alerts: its contracts' caps reaching 80% or 100% in a period. These are the
 * ICB's own contract figures (episodes or pence), not counts of people, so no small-number suppression
 * applies to them.
 */
@ApplicationScoped
public class ContractAlertsReport {

    @Inject
    ContractAlerts alerts;

    /**
     * One alert as reported.
     *
     * @param periodEnd the period's last day, included
     * @param cap       the most the period allows: episodes, or pence for BUDGET
     * @param committed funded and not yet started, in the same unit
     * @param used      started (episodes), or payable (pence), in the same unit
     */
    public record Alert(
            String contractId,
            String commissionerIcb,
            LocalDate periodStart,
            LocalDate periodEnd,
            UtilisationMeasure measure,
            int thresholdPercent,
            long cap,
            long committed,
            long used,
            Instant reachedAt) {

        static Alert of(ContractAlert a) {
            return new Alert(
                    a.contractId,
                    a.commissionerIcb,
                    a.periodStart,
                    a.periodEnd,
                    a.measure,
                    a.thresholdPercent,
                    a.cap,
                    a.committed,
                    a.used,
                    a.reachedAt.toInstant());
        }
    }

    /**
     * @param scope the ICB, or ALL
     * @param from  the first day asked for, or null for none
     * @param to    the last day asked for (included), or null for none
     */
    public record Table(String scope, LocalDate from, LocalDate to, List<String> notes, List<Alert> alerts) {}

    /** The quarterly report's section: the alerts whose period overlaps the quarter, newest first. */
    public record Section(int count, List<Alert> alerts) {}

    /** Alerts reached from {@code from} to {@code to} (English days, included, either open), newest first. */
    public Table reached(String icb, LocalDate from, LocalDate to) {
        List<Alert> found =
                alerts.reachedBetween(icb, from, to).stream().map(Alert::of).toList();
        return new Table(icb == null ? "ALL" : icb, from, to, Notes.contractAlerts(), found);
    }

    public Section overlapping(String icb, Quarter quarter) {
        List<Alert> found = alerts
                .overlapping(icb, quarter.firstDay(), quarter.endExclusive().minusDays(1))
                .stream()
                .map(Alert::of)
                .toList();
        return new Section(found.size(), found);
    }

    /** The alerts as CSV rows: dates as ISO text, figures as numbers. */
    public static List<ReportRow> rows(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> new ReportRow(null)
                        .label("contractId", a.contractId())
                        .label("commissionerIcb", a.commissionerIcb())
                        .label("periodStart", a.periodStart().toString())
                        .label("periodEnd", a.periodEnd().toString())
                        .label("measure", a.measure().name())
                        .label("thresholdPercent", a.thresholdPercent())
                        .label("cap", a.cap())
                        .label("committed", a.committed())
                        .label("used", a.used())
                        .label("reachedAt", a.reachedAt().toString()))
                .toList();
    }
}
