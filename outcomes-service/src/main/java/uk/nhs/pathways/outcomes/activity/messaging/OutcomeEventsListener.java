package uk.nhs.pathways.outcomes.activity.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.outcomes.activity.service.Journeys;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapters for the referrals and funding-decisions topics, folded into pseudonymous journeys. */
@ApplicationScoped
public class OutcomeEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    Journeys journeys;

    private EventHandlers referralEvents;
    private EventHandlers fundingEvents;

    @PostConstruct
    void handlers() {
        referralEvents = EventHandlers.on(EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class, journeys::submitted)
                .and(EventType.REFERRAL_OFFERED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_NEEDS_ATTENTION, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_ACCEPTED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_DECLINED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_REROUTED, ReferralRerouted.class, journeys::rerouted)
                .and(EventType.REFERRAL_BOOKING_REQUESTED, ReferralBookingRequested.class, journeys::bookingRequested)
                .and(EventType.REFERRAL_BOOKED, ReferralBooked.class, journeys::booked)
                .and(EventType.REFERRAL_BOOKING_CANCELLED, ReferralStatusChanged.class, journeys::statusChanged)
                .and(EventType.REFERRAL_WITHDRAWN, ReferralStatusChanged.class, journeys::statusChanged);
        fundingEvents = EventHandlers.on(EventType.FUNDING_DECIDED, FundingDecided.class, journeys::fundingDecided);
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, referralEvents);
    }

    @Incoming("funding-decisions")
    @Blocking
    public CompletionStage<Void> onFundingDecisions(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, fundingEvents);
    }
}
