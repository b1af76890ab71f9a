package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.geo.GpPractices;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * Takes the funding decision for each submitted referral ({@link FundingDecision#decide} holds the
 * rules) and records it with its {@code funding.decided} event in one transaction.
 */
@ApplicationScoped
public class FundingCheck {

    private static final Logger LOG = Logger.getLogger(FundingCheck.class);

    @Inject
    GpPractices practices;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public FundingDecision decide(ReferralSubmitted referral) {
        FundingDecision existing = FundingDecision.findById(referral.referralId());
        if (existing != null) {
            return existing; // one decision per referral, whatever is redelivered
        }
        String commissioner =
                practices.commissionerOf(referral.practiceOdsCode()).orElse(null);
        List<Contract> contracts = commissioner == null ? List.of() : Contract.list("commissionerIcb", commissioner);
        FundingDecision decision = FundingDecision.decide(referral, commissioner, contracts, OffsetDateTime.now(clock));
        decision.persist();
        outbox.record(
                EventType.FUNDING_DECIDED,
                decision.referralId,
                new FundingDecided(
                        decision.referralId,
                        decision.funded,
                        decision.contractId,
                        decision.contactsFunded,
                        decision.commissionerIcb,
                        decision.reasons(),
                        decision.decidedAt.toInstant(),
                        1));
        LOG.infof(
                "Referral %s: %s",
                decision.referralId, decision.funded ? "funded by " + decision.contractId : "not funded");
        return decision;
    }
}
