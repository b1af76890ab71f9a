package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;
import uk.nhs.pathways.contract.terms.domain.ContractChanged;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.time.England;

/**
 * Checks again, in the transaction of a contract change, the commissioner's referrals it may affect: those not
 * offered yet ({@link ReferralEpisode#awaitingOffer}) whose current route was decided not funded (funded now if
 * covered), or funded by the changed contract (kept while it still covers them today; otherwise decided again).
 * Referrals offered, started or ended keep the funding they were given. Only a changed outcome is published:
 * the same route again, with the next revision.
 */
@ApplicationScoped
public class ReEvaluation {

    private static final Logger LOG = Logger.getLogger(ReEvaluation.class);

    @Inject
    EntityManager entityManager;

    @Inject
    BatchContracts contracts;

    @Inject
    Caps caps;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    void onContractChanged(@Observes ContractChanged change) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = England.today(clock);
        List<Object[]> waiting = entityManager
                .createQuery("""
                        select e, d from ReferralEpisode e, FundingDecision d
                        where d.referralId = e.referralId and d.routeNumber = e.currentRoute
                          and e.commissionerIcb = :icb and e.stage = :decided
                          and d.synthetic = false and d.joint is not null
                          and (d.funded = false or d.contractId = :contract)
                        order by d.firstDecidedAt, d.referralId""", Object[].class)
                .setParameter("icb", change.commissionerIcb())
                .setParameter("decided", ReferralEpisode.Stage.DECIDED)
                .setParameter("contract", change.contractId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        List<ContractVersion> versions = contracts.of(change.commissionerIcb());
        int revised = 0;
        for (Object[] row : waiting) {
            FundingDecision decision = (FundingDecision) row[1];
            boolean wasFunded = decision.funded;
            if (wasFunded) {
                if (stillCovered(decision, versions, today)) {
                    continue;
                }
                caps.release(decision);
            }
            FundingDecision redone = FundingDecision.decide(
                    decision.proposalAt(now.toInstant()), decision.commissionerIcb, versions, caps, now);
            if (!wasFunded && !redone.funded) {
                continue; // still waiting: nothing new to say
            }
            String note = "re-checked on " + today + " when contract " + change.contractId() + " was "
                    + change.change().name().toLowerCase();
            entityManager.persist(decision.revise(redone, note));
            outbox.record(EventType.FUNDING_DECIDED, decision.referralId, decision.toEvent());
            revised++;
        }
        if (revised > 0) {
            LOG.infof(
                    "Contract %s %s: %d waiting referrals of %s decided again",
                    change.contractId(), change.change(), revised, change.commissionerIcb());
        }
    }

    /** Whether the contract that funds it still covers it today, under whichever of its versions is in force. */
    private static boolean stillCovered(FundingDecision d, List<ContractVersion> versions, LocalDate today) {
        return versions.stream()
                .anyMatch(v -> v.contractId.equals(d.contractId)
                        && v.inForceOn(today)
                        && v.covers(d.providerId)
                        && v.coversSite(d.siteId)
                        && v.coversJoint(d.joint)
                        && v.allowsContactsPerEpisode(d.sessions));
    }
}
