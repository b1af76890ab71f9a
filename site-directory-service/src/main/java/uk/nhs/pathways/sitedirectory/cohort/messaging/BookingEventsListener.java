package uk.nhs.pathways.sitedirectory.cohort.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.sitedirectory.cohort.domain.PlaceReservation.Release;
import uk.nhs.pathways.sitedirectory.cohort.service.Places;

/**
 * Kafka adapter for the referrals topic: booking requests get a place reserved or refused; a cancelled
 * booking or a withdrawn referral gives its place back. The topic's other event types (referral.booked
 * included: it follows a reservation, already counted) are not the directory's business.
 */
@ApplicationScoped
public class BookingEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    Places places;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(
                        EventType.REFERRAL_BOOKING_REQUESTED, ReferralBookingRequested.class, places::requested)
                .and(
                        EventType.REFERRAL_BOOKING_CANCELLED,
                        ReferralStatusChanged.class,
                        change -> places.released(change, Release.BOOKING_CANCELLED))
                .and(
                        EventType.REFERRAL_WITHDRAWN,
                        ReferralStatusChanged.class,
                        change -> places.released(change, Release.WITHDRAWN));
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
