package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.hibernate.Session;
import uk.nhs.pathways.contract.funding.domain.CapLedger;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.PeriodUsage;
import uk.nhs.pathways.contract.funding.domain.Refusal;
import uk.nhs.pathways.contract.funding.domain.UtilisationAlert;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;
import uk.nhs.pathways.events.ContractUtilisationReached;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.UtilisationMeasure;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * The caps in the database: one row per contract and period, read under its row lock (once per transaction,
 * then kept by the persistence context), so two transactions never both take the last episode of a cap.
 * Announces each threshold reached ({@link PeriodUsage#THRESHOLDS}) once per contract, period and measure.
 */
@ApplicationScoped
public class Caps implements CapLedger {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Refusal commit(ContractVersion terms, Period period, long costPence) {
        PeriodUsage usage = locked(terms.contractId, period);
        long episodesBefore = usage.episodes();
        long penceBefore = usage.pence();
        Refusal refusal = usage.tryCommit(terms.maxEpisodesPerPeriod, terms.budgetPencePerPeriod, costPence);
        if (refusal == null) {
            announce(terms, usage, episodesBefore, penceBefore);
        }
        return refusal;
    }

    /** The course started: a committed (or released) episode becomes used. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(FundingDecision decision) {
        if (!decision.funded
                || (decision.commitment != Commitment.COMMITTED && decision.commitment != Commitment.RELEASED)) {
            return;
        }
        boolean wasReleased = decision.commitment == Commitment.RELEASED;
        PeriodUsage usage = locked(decision.contractId, decision.period().orElseThrow());
        long episodesBefore = usage.episodes();
        long penceBefore = usage.pence();
        usage.use(decision.costPence, wasReleased);
        decision.commitment = Commitment.USED;
        if (wasReleased) {
            ContractVersion terms = entityManager.find(
                    ContractVersion.class, new ContractVersion.Key(decision.contractId, decision.contractVersion));
            announce(terms, usage, episodesBefore, penceBefore);
        }
    }

    /** The referral ended or moved on without starting: its committed episode is free again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(FundingDecision decision) {
        if (decision.commitment != Commitment.COMMITTED) {
            return;
        }
        locked(decision.contractId, decision.period().orElseThrow()).release(decision.costPence);
        decision.commitment = Commitment.RELEASED;
    }

    /** The contract's usage in a period, under its row lock for the rest of the transaction. */
    PeriodUsage locked(String contractId, Period period) {
        PeriodUsage.Key key = new PeriodUsage.Key(contractId, period.start());
        PeriodUsage usage = entityManager.find(PeriodUsage.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (usage == null) {
            // First episode of the period: create its row (another transaction may be doing the same).
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into contract_period_usage (contract_id, period_start, period_end)"
                                + " values (?, ?, ?) on conflict do nothing")) {
                    insert.setString(1, contractId);
                    insert.setDate(2, Date.valueOf(period.start()));
                    insert.setDate(3, Date.valueOf(period.end()));
                    insert.executeUpdate();
                }
            });
            usage = entityManager.find(PeriodUsage.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        return usage;
    }

    private void announce(ContractVersion terms, PeriodUsage usage, long episodesBefore, long penceBefore) {
        for (int threshold :
                PeriodUsage.thresholdsCrossed(episodesBefore, usage.episodes(), terms.maxEpisodesPerPeriod)) {
            alert(
                    terms,
                    usage,
                    UtilisationMeasure.EPISODES,
                    threshold,
                    terms.maxEpisodesPerPeriod,
                    usage.episodesCommitted,
                    usage.episodesUsed);
        }
        for (int threshold : PeriodUsage.thresholdsCrossed(penceBefore, usage.pence(), terms.budgetPencePerPeriod)) {
            alert(
                    terms,
                    usage,
                    UtilisationMeasure.BUDGET,
                    threshold,
                    terms.budgetPencePerPeriod,
                    usage.penceCommitted,
                    usage.penceUsed);
        }
    }

    private void alert(
            ContractVersion terms,
            PeriodUsage usage,
            UtilisationMeasure measure,
            int threshold,
            Number cap,
            long committed,
            long used) {
        UtilisationAlert.Key key = new UtilisationAlert.Key(terms.contractId, usage.periodStart, measure, threshold);
        if (entityManager.find(UtilisationAlert.class, key) != null) {
            return; // reached before in this period (then released): announced once
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UtilisationAlert alert = new UtilisationAlert();
        alert.contractId = key.contractId;
        alert.periodStart = key.periodStart;
        alert.measure = measure;
        alert.thresholdPercent = threshold;
        alert.reachedAt = now;
        entityManager.persist(alert);
        outbox.record(
                EventType.CONTRACT_UTILISATION_REACHED,
                terms.contractId,
                new ContractUtilisationReached(
                        terms.contractId,
                        terms.commissionerIcb(),
                        usage.periodStart,
                        usage.periodEnd,
                        measure,
                        threshold,
                        cap.longValue(),
                        committed,
                        used,
                        now.toInstant()));
    }
}
