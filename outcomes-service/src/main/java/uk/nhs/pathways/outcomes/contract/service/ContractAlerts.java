package uk.nhs.pathways.outcomes.contract.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.nhs.pathways.events.ContractUtilisationReached;
import uk.nhs.pathways.outcomes.contract.domain.ContractAlert;
import uk.nhs.pathways.platform.time.England;

/** The contract utilisation alerts each ICB's contracts have raised, kept for its reports. */
@ApplicationScoped
public class ContractAlerts {

    private static final String NEWEST_FIRST = "a.reachedAt desc, a.contractId, a.measure, a.thresholdPercent";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Keeps the alert unless one for the same contract, period, measure and threshold is kept already: the
     * inbox drops a redelivered event, and this drops a re-published one (a new event id, the same alert).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(ContractUtilisationReached alert) {
        entityManager
                .createNativeQuery("""
                        insert into contract_alert (contract_id, commissioner_icb, period_start, period_end, measure,
                            threshold_percent, cap, committed, used, reached_at, received_at)
                        values (:contractId, :icb, :periodStart, :periodEnd, :measure, :threshold, :cap, :committed,
                            :used, :reachedAt, :receivedAt)
                        on conflict (contract_id, period_start, measure, threshold_percent) do nothing""")
                .setParameter("contractId", alert.contractId())
                .setParameter("icb", alert.commissionerIcb())
                .setParameter("periodStart", alert.periodStart())
                .setParameter("periodEnd", alert.periodEnd())
                .setParameter("measure", alert.measure().name())
                .setParameter("threshold", alert.thresholdPercent())
                .setParameter("cap", alert.cap())
                .setParameter("committed", alert.committed())
                .setParameter("used", alert.used())
                .setParameter("reachedAt", alert.reachedAt().atOffset(ZoneOffset.UTC))
                .setParameter("receivedAt", OffsetDateTime.now(clock))
                .executeUpdate();
    }

    /**
     * An ICB's alerts (every ICB's when null) reached on the English days {@code from} to {@code to}, both
     * included and either open (null); newest first.
     */
    public List<ContractAlert> reachedBetween(String icb, LocalDate from, LocalDate to) {
        // Only the conditions asked for: a null parameter would leave PostgreSQL guessing its type.
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (icb != null) {
            where.append(" and a.commissionerIcb = :icb");
        }
        if (from != null) {
            where.append(" and a.reachedAt >= :from");
        }
        if (to != null) {
            where.append(" and a.reachedAt < :to");
        }
        TypedQuery<ContractAlert> query = entityManager.createQuery(
                "select a from ContractAlert a " + where + " order by " + NEWEST_FIRST, ContractAlert.class);
        if (icb != null) {
            query.setParameter("icb", icb);
        }
        if (from != null) {
            query.setParameter("from", startOf(from));
        }
        if (to != null) {
            query.setParameter("to", startOf(to.plusDays(1)));
        }
        return query.getResultList();
    }

    /** An ICB's alerts (every ICB's when null) whose period overlaps {@code from} to {@code to}, both included. */
    public List<ContractAlert> overlapping(String icb, LocalDate from, LocalDate to) {
        TypedQuery<ContractAlert> query = entityManager
                .createQuery(
                        """
                                select a from ContractAlert a
                                where a.periodStart <= :to and a.periodEnd >= :from%s
                                order by %s""".formatted(icb == null ? "" : " and a.commissionerIcb = :icb", NEWEST_FIRST),
                        ContractAlert.class)
                .setParameter("from", from)
                .setParameter("to", to);
        if (icb != null) {
            query.setParameter("icb", icb);
        }
        return query.getResultList();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(England.ZONE).toOffsetDateTime();
    }
}
