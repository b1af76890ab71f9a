package uk.nhs.pathways.sitedirectory.cohort.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;

/**
 * Kafka adapter for the referrals topic: each booking takes a place in its class, once. The topic's
 * other event types are not the directory's business; a booking for a class the directory does not
 * hold is dead-lettered.
 */
@ApplicationScoped
public class BookingEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    Classes classes;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.REFERRAL_BOOKED, ReferralBooked.class, classes::booked);
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
