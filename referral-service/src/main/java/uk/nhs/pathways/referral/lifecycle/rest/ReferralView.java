package uk.nhs.pathways.referral.lifecycle.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;

/** A referral as its referrer or its provider sees it. */
public record ReferralView(
        UUID id,
        ReferralStatus status,
        String statusReason,
        Joint joint,
        String practiceOdsCode,
        Patient patient,
        Offer offer,
        String commissionerIcb,
        String fundingContractId,
        Integer contactsFunded,
        String classId,
        OffsetDateTime bookedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt) {

    public record Patient(String nhsNumber, String name, LocalDate dateOfBirth, String postcode) {}

    /** Where the person is offered a place; null when no site could be found. */
    public record Offer(
            String siteId,
            String siteName,
            String providerId,
            String providerName,
            Integer sessions,
            Long distanceMetres) {}

    static ReferralView of(Referral r) {
        Offer offer = r.siteId == null
                ? null
                : new Offer(r.siteId, r.siteName, r.providerId, r.providerName, r.sessions, r.distanceMetres);
        return new ReferralView(
                r.id,
                r.status,
                r.statusReason,
                r.joint,
                r.practiceOdsCode,
                new Patient(r.nhsNumber, r.patientName, r.dateOfBirth, r.postcode),
                offer,
                r.commissionerIcb,
                r.fundingContractId,
                r.contactsFunded,
                r.classId,
                r.bookedAt,
                r.submittedAt,
                r.updatedAt);
    }
}
