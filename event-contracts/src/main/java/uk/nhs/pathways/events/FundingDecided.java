package uk.nhs.pathways.events;

import java.time.Instant;
import java.util.List;

/**
 * The contract check of one referral: is there a commissioning contract that pays for this course at
 * this provider for this person's commissioner?
 *
 * @param funded          true when a contract covers the whole course
 * @param contractId      the contract that funds it, or null
 * @param contactsFunded  that contract's cap on contacts per episode, or null when not funded (added
 *                        within v1: absent from decisions taken before it, so read it as optional)
 * @param commissionerIcb ODS code of the ICB that commissions for the person's GP practice, or null if unknown
 * @param reasons         every rule that failed (empty when funded)
 * @param routeNumber     the route (proposal) decided: 1 for {@code referral.submitted}, then each
 *                        {@code referral.rerouted}'s (added within v1; read a missing one as 1)
 * @param revision        1 for the first decision of a route; a contract created, changed or ended
 *                        re-checks a referral still waiting as not funded (or not yet offered) and decides
 *                        its route again with the next revision; the latest revision of the current route
 *                        counts (added within v1; read a missing one as 1)
 */
public record FundingDecided(
        String referralId,
        boolean funded,
        String contractId,
        Integer contactsFunded,
        String commissionerIcb,
        List<String> reasons,
        Instant decidedAt,
        int routeNumber,
        int revision) {}
