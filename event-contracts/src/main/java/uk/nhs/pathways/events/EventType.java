package uk.nhs.pathways.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the platform with its topic, payload class and schema version. The CloudEvent
 * {@code type} names what happened; {@code dataschema} names the payload's schema and its version, so a
 * consumer can tell a v1 payload from a later one without parsing it.
 */
public enum EventType {
    SITE_UPDATED("uk.nhs.pathways.site.updated", Topics.SITES, SiteUpdated.class, 1),
    CLASS_UPDATED("uk.nhs.pathways.class.updated", Topics.CLASSES, ClassUpdated.class, 1),
    REFERRAL_SUBMITTED("uk.nhs.pathways.referral.submitted", Topics.REFERRALS, ReferralSubmitted.class, 1),
    REFERRAL_OFFERED("uk.nhs.pathways.referral.offered", Topics.REFERRALS, ReferralStatusChanged.class, 1),
    REFERRAL_NEEDS_ATTENTION(
            "uk.nhs.pathways.referral.needs-attention", Topics.REFERRALS, ReferralStatusChanged.class, 1),
    REFERRAL_ACCEPTED("uk.nhs.pathways.referral.accepted", Topics.REFERRALS, ReferralStatusChanged.class, 1),
    /** v2: the reason is the coded {@link DeclineReason} (reasonCode); the provider's own words stay inside. */
    REFERRAL_DECLINED("uk.nhs.pathways.referral.declined", Topics.REFERRALS, ReferralStatusChanged.class, 2),
    REFERRAL_REROUTED("uk.nhs.pathways.referral.rerouted", Topics.REFERRALS, ReferralRerouted.class, 1),
    REFERRAL_BOOKING_REQUESTED(
            "uk.nhs.pathways.referral.booking-requested", Topics.REFERRALS, ReferralBookingRequested.class, 1),
    REFERRAL_BOOKED("uk.nhs.pathways.referral.booked", Topics.REFERRALS, ReferralBooked.class, 1),
    REFERRAL_BOOKING_CANCELLED(
            "uk.nhs.pathways.referral.booking-cancelled", Topics.REFERRALS, ReferralStatusChanged.class, 1),
    REFERRAL_WITHDRAWN("uk.nhs.pathways.referral.withdrawn", Topics.REFERRALS, ReferralStatusChanged.class, 1),
    COURSE_STARTED("uk.nhs.pathways.course.started", Topics.REFERRALS, CourseStarted.class, 1),
    ATTENDANCE_RECORDED("uk.nhs.pathways.attendance.recorded", Topics.REFERRALS, AttendanceRecorded.class, 1),
    COURSE_ENDED("uk.nhs.pathways.course.ended", Topics.REFERRALS, CourseEnded.class, 1),
    MEASURE_RECORDED("uk.nhs.pathways.measure.recorded", Topics.REFERRALS, MeasureRecorded.class, 1),
    PLACE_RESERVED("uk.nhs.pathways.place.reserved", Topics.PLACES, PlaceReserved.class, 1),
    PLACE_REFUSED("uk.nhs.pathways.place.refused", Topics.PLACES, PlaceRefused.class, 1),
    FUNDING_COVERAGE_UPDATED(
            "uk.nhs.pathways.funding.coverage-updated", Topics.FUNDING_COVERAGE, FundingCoverage.class, 1),
    FUNDING_DECIDED("uk.nhs.pathways.funding.decided", Topics.FUNDING_DECISIONS, FundingDecided.class, 1),
    CONTRACT_UTILISATION_REACHED(
            "uk.nhs.pathways.contract.utilisation-reached",
            Topics.CONTRACT_ALERTS,
            ContractUtilisationReached.class,
            1),
    // For ICSs, one topic per ICB (Topics.outcomes(icb)): the topic here is the pattern.
    OUTCOME_COURSE_STARTED(
            "uk.nhs.pathways.outcome.course-started", Topics.OUTCOMES_PATTERN, OutcomeCourseStarted.class, 1),
    OUTCOME_SESSION_RECORDED(
            "uk.nhs.pathways.outcome.session-recorded", Topics.OUTCOMES_PATTERN, OutcomeSessionRecorded.class, 1),
    OUTCOME_COURSE_ENDED("uk.nhs.pathways.outcome.course-ended", Topics.OUTCOMES_PATTERN, OutcomeCourseEnded.class, 1),
    OUTCOME_MEASURE_RECORDED(
            "uk.nhs.pathways.outcome.measure-recorded", Topics.OUTCOMES_PATTERN, OutcomeMeasureRecorded.class, 1);

    private final String type;
    private final String topic;
    private final Class<?> payload;
    private final int schemaVersion;

    EventType(String type, String topic, Class<?> payload, int schemaVersion) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
        this.schemaVersion = schemaVersion;
    }

    public String type() {
        return type;
    }

    /** The topic; for a per-ICB event type, {@link Topics#OUTCOMES_PATTERN} (see {@link #topicFor}). */
    public String topic() {
        return topic;
    }

    /** Whether events of this type go to one topic per ICB rather than one topic. */
    public boolean perIcb() {
        return Topics.OUTCOMES_PATTERN.equals(topic);
    }

    /** The topic of an event of this type about a person of this ICB. */
    public String topicFor(String icbOdsCode) {
        return perIcb() ? Topics.outcomes(icbOdsCode) : topic;
    }

    public Class<?> payload() {
        return payload;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The CloudEvent {@code dataschema}: which payload schema, which version. Documented in docs/events.md. */
    public URI dataSchema() {
        return URI.create("urn:pathways:schema:" + type.substring("uk.nhs.pathways.".length()) + ":v" + schemaVersion);
    }

    /**
     * The classpath resource (in this module) of the JSON Schema of this type's payload, whose {@code $id}
     * is {@link #dataSchema()}: {@code schemas/<type>.v<n>.schema.json}.
     */
    public String schemaResource() {
        return "schemas/" + type.substring("uk.nhs.pathways.".length()) + ".v" + schemaVersion + ".schema.json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
