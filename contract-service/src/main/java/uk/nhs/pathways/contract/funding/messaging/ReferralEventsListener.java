package uk.nhs.pathways.contract.funding.messaging;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.contract.funding.service.FundingCheck;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;

import java.util.concurrent.CompletionStage;

/**
 * Kafka adapter for the referrals topic: every submitted referral gets a funding check. The topic's
 * other event types are not this service's business; unreadable records go to the dead-letter topic.
 */
@ApplicationScoped
public class ReferralEventsListener {

    static final String CONSUMER = "contract-service.funding-check";

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    FundingCheck check;

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferralRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleReferralRecord);
    }

    void handleReferralRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = IncomingEvents.read(record);
        if (EventType.REFERRAL_SUBMITTED.type().equals(event.getType())) {
            inbox.deliver(event, CONSUMER, ReferralSubmitted.class, check::decide);
        }
    }
}
