package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.platform.geo.GpPractices;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * Takes the funding decision for each proposal of a referral ({@link FundingDecision#decide} holds the rules),
 * reserves its episode against the funding contract's caps ({@link Caps}) and records it with its
 * {@code funding.decided} event, in the caller's transaction (a consumer's batch).
 */
@ApplicationScoped
public class FundingCheck {

    private static final Logger LOG = Logger.getLogger(FundingCheck.class);

    @Inject
    GpPractices practices;

    @Inject
    BatchContracts contracts;

    @Inject
    Caps caps;

    @Inject
    BatchEpisodes episodes;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Decides a proposal once. A route already decided keeps its decision whatever is redelivered; a route
     * older than one already decided is stale (the referral has moved on) and is not decided. A new route
     * releases the previous route's reservation first.
     *
     * @return the decision that stands for this route; empty for a stale one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FundingDecision> decide(Proposal proposal) {
        // The referral's row, locked: one transaction at a time decides its routes.
        ReferralEpisode episode = episodes.locked(proposal.referralId());
        if (episode != null && episode.decided(proposal.routeNumber())) {
            return FundingDecision.of(proposal.referralId(), proposal.routeNumber());
        }
        if (episode != null && episode.isStale(proposal.routeNumber())) {
            LOG.infof(
                    "Referral %s: route %d not decided, route %d already was",
                    proposal.referralId(), proposal.routeNumber(), episode.currentRoute);
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (episode != null) {
            FundingDecision.of(proposal.referralId(), episode.currentRoute).ifPresent(caps::release);
        }
        String commissioner =
                practices.commissionerOf(proposal.practiceOdsCode()).orElse(null);
        List<ContractVersion> versions = commissioner == null ? List.of() : contracts.of(commissioner);
        FundingDecision decision = FundingDecision.decide(proposal, commissioner, versions, caps, now);
        if (episode == null) {
            episode = ReferralEpisode.first(proposal.referralId(), commissioner, proposal.routeNumber(), now);
            entityManager.persist(episode);
            episodes.decided(episode);
        } else {
            episode.reroute(proposal.routeNumber(), now);
        }
        entityManager.persist(decision);
        outbox.record(EventType.FUNDING_DECIDED, decision.referralId, decision.toEvent());
        LOG.debugf(
                "Referral %s route %d: %s",
                decision.referralId,
                decision.routeNumber,
                decision.funded ? "funded by " + decision.contractId : "not funded");
        return Optional.of(decision);
    }
}
