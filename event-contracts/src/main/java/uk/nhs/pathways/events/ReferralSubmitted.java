package uk.nhs.pathways.events;

import java.time.Instant;

/**
 * An FCP referred a person and the platform routed the referral to a class. Carries no NHS number and
 * no name: the person appears only as a pseudonym that is stable per person.
 *
 * @param patientPseudonym keyed hash of the NHS number; the same person always gets the same value
 * @param sessions         sessions of the course offered (the class's): what the contract check is asked
 * @param classId          the class proposed to the provider (added within v1; null in older events)
 * @param routeNumber      1 for the first route; each re-route ({@code referral.rerouted}) counts up, and
 *                         the funding decision names the route it decided (added within v1)
 * @param ageBand          the person's age on the referral day, banded (e.g. {@code 65-74}): never the date
 *                         of birth (added within v1; null in older events)
 */
public record ReferralSubmitted(
        String referralId,
        String patientPseudonym,
        String practiceOdsCode,
        Joint joint,
        String siteId,
        String providerId,
        int sessions,
        long distanceMetres,
        Instant submittedAt,
        String classId,
        int routeNumber,
        String ageBand) {}
