package uk.nhs.pathways.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.MeasureRecorded;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.testing.TestEvents;

/**
 * Plays the referral service (and the site directory) in tests: publishes the events it would, for one
 * referral and its course, on the real topics.
 */
final class Episodes {

    private Episodes() {}

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static void site(String siteId, String providerId, Setting setting, int sessions, String postcode) {
        TestEvents.publish(
                EventType.SITE_UPDATED,
                siteId,
                new SiteUpdated(
                        siteId,
                        "Site " + siteId,
                        providerId,
                        "Provider " + providerId,
                        ProviderType.LEISURE_OPERATOR,
                        setting,
                        postcode,
                        52.0,
                        -1.5,
                        List.of(Joint.KNEE, Joint.HIP),
                        sessions,
                        SiteStatus.ACTIVE,
                        List.of(AccessibilityFeature.STEP_FREE_ACCESS)));
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    /** Submitted, offered and booked into a class at a site. */
    static void referred(
            String referralId,
            String practice,
            String siteId,
            String providerId,
            String classId,
            int sessions,
            LocalDate on) {
        TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                referralId,
                new ReferralSubmitted(
                        referralId,
                        "p-" + referralId,
                        practice,
                        Joint.KNEE,
                        siteId,
                        providerId,
                        sessions,
                        1200,
                        at(on),
                        classId,
                        1,
                        "65-74"));
        TestEvents.publish(
                EventType.REFERRAL_OFFERED,
                referralId,
                new ReferralStatusChanged(
                        referralId,
                        ReferralStatus.OFFERED,
                        siteId,
                        providerId,
                        practice,
                        "Funded",
                        at(on.plusDays(1)),
                        null));
    }

    static void booked(String referralId, String siteId, String providerId, String classId, LocalDate on) {
        TestEvents.publish(
                EventType.REFERRAL_BOOKED,
                referralId,
                new ReferralBooked(referralId, classId, siteId, providerId, at(on)));
    }

    static void started(
            String referralId,
            String courseId,
            String siteId,
            String providerId,
            String classId,
            int sessions,
            LocalDate first) {
        TestEvents.publish(
                EventType.COURSE_STARTED,
                referralId,
                new CourseStarted(
                        referralId, courseId, classId, siteId, providerId, sessions, sessions < 12, first, at(first)));
    }

    static void session(String referralId, String courseId, String classId, int number, LocalDate on, Attendance a) {
        TestEvents.publish(
                EventType.ATTENDANCE_RECORDED,
                referralId,
                new AttendanceRecorded(referralId, courseId, classId, number, on, a, at(on)));
    }

    static void ended(
            String referralId,
            String courseId,
            CourseOutcome outcome,
            int planned,
            int held,
            int attended,
            LocalDate on) {
        TestEvents.publish(
                EventType.COURSE_ENDED,
                referralId,
                new CourseEnded(
                        referralId,
                        courseId,
                        outcome,
                        outcome == CourseOutcome.DROPPED_OUT ? DropOutReason.CONSECUTIVE_ABSENCES : null,
                        planned,
                        held,
                        attended,
                        planned < 12,
                        on,
                        at(on)));
    }

    static void measure(
            String referralId,
            String courseId,
            Instrument instrument,
            Timepoint timepoint,
            String score,
            LocalDate on) {
        TestEvents.publish(
                EventType.MEASURE_RECORDED,
                referralId,
                new MeasureRecorded(referralId, courseId, instrument, timepoint, new BigDecimal(score), on, at(on)));
    }
}
