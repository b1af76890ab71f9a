package uk.nhs.pathways.outcomes.course.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.MeasureRecorded;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.outcomes.activity.service.Journeys;
import uk.nhs.pathways.outcomes.course.service.Courses;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/**
 * Kafka adapter for the referrals topic: lifecycle events fold into journeys, course events into courses.
 * One consumer for both, so a course's events are applied after its referral's, in topic order.
 */
@ApplicationScoped
public class ReferralEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    Journeys journeys;

    @Inject
    Courses courses;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class, journeys::submitted)
                .and(EventType.REFERRAL_OFFERED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_NEEDS_ATTENTION, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_ACCEPTED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_DECLINED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_REROUTED, ReferralRerouted.class, journeys::rerouted)
                .and(EventType.REFERRAL_BOOKING_REQUESTED, ReferralBookingRequested.class, journeys::bookingRequested)
                .and(EventType.REFERRAL_BOOKED, ReferralBooked.class, journeys::booked)
                .and(EventType.REFERRAL_BOOKING_CANCELLED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_WITHDRAWN, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.COURSE_STARTED, CourseStarted.class, courses::started)
                .and(EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class, courses::attendance)
                .and(EventType.COURSE_ENDED, CourseEnded.class, courses::ended)
                .and(EventType.MEASURE_RECORDED, MeasureRecorded.class, courses::measure);
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
