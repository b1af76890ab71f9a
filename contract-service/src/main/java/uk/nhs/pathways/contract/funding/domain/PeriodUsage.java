package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import uk.nhs.pathways.contract.terms.domain.Period;

/**
 * A contract's episodes and money in one period: committed (funded, not started) and used (started). Changed
 * only under its row's lock, so concurrent decisions never take a cap beyond its limit.
 */
@Entity
@Table(name = "contract_period_usage")
@IdClass(PeriodUsage.Key.class)
public class PeriodUsage extends PanacheEntityBase {

    /** The thresholds (per cent of a cap) announced when reached. */
    public static final List<Integer> THRESHOLDS = List.of(80, 100);

    public static class Key implements Serializable {
        public String contractId;
        public LocalDate periodStart;

        public Key() {}

        public Key(String contractId, LocalDate periodStart) {
            this.contractId = contractId;
            this.periodStart = periodStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.contractId, contractId)
                    && Objects.equals(k.periodStart, periodStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contractId, periodStart);
        }
    }

    @Id
    @Column(name = "contract_id")
    public String contractId;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "episodes_committed")
    public int episodesCommitted;

    @Column(name = "episodes_used")
    public int episodesUsed;

    @Column(name = "pence_committed")
    public long penceCommitted;

    @Column(name = "pence_used")
    public long penceUsed;

    public static PeriodUsage empty(String contractId, Period period) {
        PeriodUsage usage = new PeriodUsage();
        usage.contractId = contractId;
        usage.periodStart = period.start();
        usage.periodEnd = period.end();
        return usage;
    }

    public Period period() {
        return new Period(periodStart, periodEnd);
    }

    /** Episodes committed or used: what the volume cap counts. */
    public long episodes() {
        return (long) episodesCommitted + episodesUsed;
    }

    /** Money committed or used: what the budget counts. */
    public long pence() {
        return penceCommitted + penceUsed;
    }

    /**
     * Reserves one episode of this cost if the caps leave room for it.
     *
     * @param maxEpisodes null: no volume cap
     * @param budgetPence null: no budget
     * @return null when reserved; otherwise the cap without room
     */
    public Refusal tryCommit(Integer maxEpisodes, Long budgetPence, long costPence) {
        if (maxEpisodes != null && episodes() >= maxEpisodes) {
            return Refusal.VOLUME_CAP_REACHED;
        }
        if (budgetPence != null && pence() + costPence > budgetPence) {
            return Refusal.BUDGET_EXHAUSTED;
        }
        episodesCommitted++;
        penceCommitted += costPence;
        return null;
    }

    /** The course started: its reservation is used (or, if it had been released, counted as used again). */
    public void use(long costPence, boolean wasReleased) {
        if (!wasReleased) {
            episodesCommitted--;
            penceCommitted -= costPence;
        }
        episodesUsed++;
        penceUsed += costPence;
    }

    /** The referral ended or moved on without starting: its reservation is free again. */
    public void release(long costPence) {
        episodesCommitted--;
        penceCommitted -= costPence;
    }

    /** The thresholds a level crossed going from {@code before} to {@code after} of a cap (none for no cap). */
    public static List<Integer> thresholdsCrossed(long before, long after, Number cap) {
        List<Integer> crossed = new ArrayList<>();
        if (cap == null || cap.longValue() <= 0) {
            return crossed;
        }
        long limit = cap.longValue();
        for (int threshold : THRESHOLDS) {
            long needed = threshold * limit; // compare in hundredths: integers only
            if (before * 100 < needed && after * 100 >= needed) {
                crossed.add(threshold);
            }
        }
        return crossed;
    }
}
