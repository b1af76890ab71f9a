package uk.nhs.pathways.events;

import java.time.Instant;

/**
 * An FCP referred a person and the platform routed the referral to a site. Carries no NHS number and
 * no name: the person appears only as a pseudonym that is stable per person.
 *
 * @param patientPseudonym keyed hash of the NHS number; the same person always gets the same value
 * @param sessions         sessions per course at the chosen site
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
        Instant submittedAt) {}
