package uk.nhs.pathways.events;

import java.time.Instant;

/**
 * A referral moved on to the next class in its ranking (a provider declined it, did not answer in time,
 * or had no place): a new proposal, for which the commissioner's funding is decided anew. The referral
 * is SUBMITTED again.
 *
 * @param routeNumber 2 for the first re-route, and so on
 * @param cause       why it moved on
 */
public record ReferralRerouted(
        String referralId,
        String patientPseudonym,
        String practiceOdsCode,
        Joint joint,
        String classId,
        String siteId,
        String providerId,
        int sessions,
        long distanceMetres,
        int routeNumber,
        RerouteCause cause,
        Instant reroutedAt) {}
