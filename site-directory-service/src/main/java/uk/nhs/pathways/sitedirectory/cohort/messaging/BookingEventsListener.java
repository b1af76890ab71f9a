package uk.nhs.pathways.sitedirectory.cohort.messaging;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;
import uk.nhs.pathways.sitedirectory.cohort.service.Cohorts;

import java.util.concurrent.CompletionStage;

/**
 * Kafka adapter for the referrals topic: each booking takes a place in its class. The topic's other
 * event types are not the directory's business and are passed over; a record that is not a platform
 * event, or a booking that cannot be applied, goes to the dead-letter topic. A redelivered booking
 * (same event id) is skipped, so a place is never counted twice.
 */
@ApplicationScoped
public class BookingEventsListener {

    static final String CONSUMER = "site-directory-service.places";

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    Cohorts cohorts;

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferralRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleReferralRecord);
    }

    void handleReferralRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = IncomingEvents.read(record);
        if (EventType.REFERRAL_BOOKED.type().equals(event.getType())) {
            inbox.deliver(event, CONSUMER, ReferralBooked.class, cohorts::booked);
        }
    }
}
