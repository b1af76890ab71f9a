package uk.nhs.pathways.referral.lifecycle.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.referral.lifecycle.domain.CandidateRecord;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.routing.domain.Preferences;
import uk.nhs.pathways.referral.routing.domain.RankedClass;

/** A referral as its referrer or its provider sees it. */
public record ReferralView(
        UUID id,
        ReferralStatus status,
        String statusReason,
        String statusReasonCode,
        Reason reason,
        Joint joint,
        String practiceOdsCode,
        Patient patient,
        PreferencesView preferences,
        boolean duplicateIntended,
        int routeNumber,
        Offer offer,
        String commissionerIcb,
        String fundingContractId,
        Integer contactsFunded,
        LocalDate answerDue,
        int bookingRequestNumber,
        String requestedClassId,
        String classId,
        OffsetDateTime bookedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        List<Candidate> ranking) {

    public record Patient(String nhsNumber, String name, LocalDate dateOfBirth, String postcode) {}

    public record Reason(String system, String code) {}

    public record PreferencesView(
            Set<Setting> settings,
            List<Preferences.AvailabilityWindow> availability,
            Integer maxTravelMetres,
            Set<AccessibilityFeature> needs) {}

    /** The class the referral is routed to (then booked into); null when none fits. */
    public record Offer(
            String classId,
            LocalDate classStartDate,
            String siteId,
            String siteName,
            String providerId,
            String providerName,
            Integer sessions,
            Long distanceMetres) {}

    /** One ranked class and why it ranks there (the referrer's view of the routing decision). */
    public record Candidate(
            int rank,
            String classId,
            String siteId,
            String siteName,
            String providerId,
            String providerName,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            int sessions,
            long distanceMetres,
            boolean funded,
            List<String> preferencesMet) {
        static Candidate of(CandidateRecord record) {
            RankedClass r = record.ranked();
            return new Candidate(
                    r.rank(),
                    r.classId(),
                    r.siteId(),
                    r.siteName(),
                    r.providerId(),
                    r.providerName(),
                    r.startDate(),
                    r.days(),
                    r.startTime(),
                    r.sessions(),
                    r.distanceMetres(),
                    r.funded(),
                    r.preferencesMet());
        }
    }

    static ReferralView of(Referral r) {
        return of(r, null);
    }

    /** @param ranking the routing decision, for the referrer; null leaves it out */
    static ReferralView of(Referral r, List<CandidateRecord> ranking) {
        Offer offer = r.siteId == null
                ? null
                : new Offer(
                        r.classId != null ? r.classId : r.routedClassId,
                        r.classStartDate,
                        r.siteId,
                        r.siteName,
                        r.providerId,
                        r.providerName,
                        r.sessions,
                        r.distanceMetres);
        Preferences p = r.preferences();
        return new ReferralView(
                r.id,
                r.status,
                r.statusReason,
                r.statusReasonCode,
                r.reasonCode == null ? null : new Reason(r.reasonSystem, r.reasonCode),
                r.joint,
                r.practiceOdsCode,
                new Patient(r.nhsNumber, r.patientName, r.dateOfBirth, r.postcode),
                new PreferencesView(p.settings(), p.availability(), p.maxTravelMetres(), p.needs()),
                r.duplicateIntended,
                r.routeNumber,
                offer,
                r.commissionerIcb,
                r.fundingContractId,
                r.contactsFunded,
                r.answerDue,
                r.bookingRequestNumber,
                r.requestedClassId,
                r.classId,
                r.bookedAt,
                r.submittedAt,
                r.updatedAt,
                ranking == null ? null : ranking.stream().map(Candidate::of).toList());
    }
}
