package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.service.GpPractices;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.time.England;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a referral against the commissioning contracts that could pay for it: the commissioner is
 * the ICB of the person's GP practice; a contract must be in force on the referral day, cover the
 * site's provider (or any qualified provider), and allow as many contacts per episode as the course
 * has sessions. Every failed rule is given as a reason, in words a commissioner can act on.
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
        LocalDate day = referral.submittedAt().atZone(England.ZONE).toLocalDate();
        Optional<String> commissioner = practices.commissionerOf(referral.practiceOdsCode());
        List<String> reasons = new ArrayList<>();
        Contract funding = null;
        if (commissioner.isEmpty()) {
            reasons.add("GP practice " + referral.practiceOdsCode()
                    + " is not in the NHS practice reference data, so no commissioner is known");
        } else {
            List<Contract> applicable = Contract.<Contract>list("commissionerIcb", commissioner.get()).stream()
                    .filter(c -> c.inForceOn(day) && c.coversProvider(referral.providerId()))
                    // a contract with the provider itself before an any-qualified-provider one
                    .sorted(Comparator.comparing((Contract c) -> c.providerId == null).thenComparing(c -> c.id))
                    .toList();
            if (applicable.isEmpty()) {
                reasons.add("ICB " + commissioner.get() + " has no contract in force on " + day
                        + " that covers provider " + referral.providerId());
            }
            for (Contract contract : applicable) {
                if (contract.maxContactsPerEpisode >= referral.sessions()) {
                    funding = contract;
                    break;
                }
                reasons.add("contract " + contract.id + " allows at most " + contract.maxContactsPerEpisode
                        + " contacts per episode; the course at the site has " + referral.sessions() + " sessions");
            }
        }
        FundingDecision decision = new FundingDecision();
        decision.referralId = referral.referralId();
        decision.funded = funding != null;
        decision.contractId = funding == null ? null : funding.id;
        decision.commissionerIcb = commissioner.orElse(null);
        decision.practiceOdsCode = referral.practiceOdsCode();
        decision.providerId = referral.providerId();
        decision.siteId = referral.siteId();
        decision.sessions = referral.sessions();
        decision.reasonLines = decision.funded ? "" : String.join("\n", reasons);
        decision.decidedAt = OffsetDateTime.now(clock);
        decision.persist();
        outbox.record(EventType.FUNDING_DECIDED, decision.referralId, new FundingDecided(decision.referralId,
                decision.funded, decision.contractId, decision.commissionerIcb, decision.reasons(),
                decision.decidedAt.toInstant()));
        LOG.infof("Referral %s: %s", decision.referralId, decision.funded ? "funded by " + decision.contractId : "not funded");
        return decision;
    }
}
