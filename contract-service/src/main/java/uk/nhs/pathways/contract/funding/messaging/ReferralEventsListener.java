package uk.nhs.pathways.contract.funding.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.funding.service.BatchEpisodes;
import uk.nhs.pathways.contract.funding.service.EpisodeLifecycle;
import uk.nhs.pathways.contract.funding.service.FundingCheck;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/**
 * Kafka adapter for the referrals topic: every proposal of a referral (submitted, then each re-route) gets a
 * funding check; the lifecycle events after it move its reservation (offered keeps it, declined and withdrawn
 * release it, a course started uses it) and record what is payable. The topic's other event types
 * (needs-attention, booking-cancelled, attendance, measures) are passed over.
 */
@ApplicationScoped
public class ReferralEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    FundingCheck check;

    @Inject
    EpisodeLifecycle lifecycle;

    @Inject
    BatchEpisodes episodes;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(
                        EventType.REFERRAL_SUBMITTED,
                        ReferralSubmitted.class,
                        submitted -> check.decide(Proposal.of(submitted)))
                .and(
                        EventType.REFERRAL_REROUTED,
                        ReferralRerouted.class,
                        rerouted -> check.decide(Proposal.of(rerouted)))
                .and(EventType.REFERRAL_OFFERED, ReferralStatusChanged.class, e -> lifecycle.offered(e.referralId()))
                .and(EventType.REFERRAL_ACCEPTED, ReferralStatusChanged.class, e -> lifecycle.offered(e.referralId()))
                .and(
                        EventType.REFERRAL_BOOKING_REQUESTED,
                        ReferralBookingRequested.class,
                        e -> lifecycle.offered(e.referralId()))
                .and(EventType.REFERRAL_BOOKED, ReferralBooked.class, e -> lifecycle.offered(e.referralId()))
                .and(EventType.REFERRAL_DECLINED, ReferralStatusChanged.class, e -> lifecycle.closed(e.referralId()))
                .and(EventType.REFERRAL_WITHDRAWN, ReferralStatusChanged.class, e -> lifecycle.closed(e.referralId()))
                .and(EventType.COURSE_STARTED, CourseStarted.class, lifecycle::started)
                .and(EventType.COURSE_ENDED, CourseEnded.class, lifecycle::ended);
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        // The records are keyed by referral id: the batch's referrals are read with one query.
        Set<String> referrals = new HashSet<>();
        batch.getRecords().forEach(r -> {
            if (r.getKey() != null) {
                referrals.add(r.getKey());
            }
        });
        episodes.expect(referrals);
        try {
            return inbox.receive(batch, handlers);
        } finally {
            episodes.done();
        }
    }
}
