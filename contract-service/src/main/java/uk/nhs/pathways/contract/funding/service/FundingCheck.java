package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.platform.geo.GpPractices;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * Takes the funding decision for each proposal of a referral ({@link FundingDecision#decide} holds the
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

    /**
     * Decides a proposal once. A route already decided keeps its decision whatever is redelivered; a
     * route older than one already decided is stale (the referral has moved on) and is not decided.
     *
     * @return the decision that stands for this route; empty for a stale one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FundingDecision> decide(Proposal proposal) {
        Optional<FundingDecision> existing = FundingDecision.of(proposal.referralId(), proposal.routeNumber());
        if (existing.isPresent()) {
            return existing;
        }
        Optional<FundingDecision> later =
                FundingDecision.latest(proposal.referralId()).filter(d -> d.supersedes(proposal.routeNumber()));
        if (later.isPresent()) {
            LOG.infof(
                    "Referral %s: route %d not decided, route %d already was",
                    proposal.referralId(), proposal.routeNumber(), later.get().routeNumber);
            return Optional.empty();
        }
        String commissioner =
                practices.commissionerOf(proposal.practiceOdsCode()).orElse(null);
        List<Contract> contracts = commissioner == null ? List.of() : Contract.list("commissionerIcb", commissioner);
        FundingDecision decision = FundingDecision.decide(proposal, commissioner, contracts, OffsetDateTime.now(clock));
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
                        decision.routeNumber,
                        1));
        LOG.infof(
                "Referral %s route %d: %s",
                decision.referralId,
                decision.routeNumber,
                decision.funded ? "funded by " + decision.contractId : "not funded");
        return Optional.of(decision);
    }
}
