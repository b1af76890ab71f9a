package uk.nhs.pathways.outcomes.activity.messaging;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.outcomes.activity.service.Journeys;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;

import java.util.concurrent.CompletionStage;

/** Kafka adapters for the referrals and funding-decisions topics; unreadable records go to the dead-letter topic. */
@ApplicationScoped
public class OutcomeEventsListener {

    static final String CONSUMER = "outcomes-service.journeys";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OutcomeEventsListener.class);

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    Journeys journeys;

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferralRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleReferralRecord);
    }

    void handleReferralRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = IncomingEvents.read(record);
        switch (EventType.ofType(event.getType()).orElse(EventType.SITE_UPDATED)) {
            case REFERRAL_SUBMITTED -> inbox.deliver(event, CONSUMER, ReferralSubmitted.class, journeys::submitted);
            case REFERRAL_OFFERED, REFERRAL_NEEDS_ATTENTION, REFERRAL_ACCEPTED, REFERRAL_DECLINED ->
                    inbox.deliver(event, CONSUMER, ReferralStatusChanged.class, journeys::statusChanged);
            case REFERRAL_BOOKED -> inbox.deliver(event, CONSUMER, ReferralBooked.class, journeys::booked);
            // A type added after this service was built: tolerated, not dead-lettered (the envelope is valid).
            default -> LOG.debugf("Ignored event type %s", event.getType());
        }
    }

    @Incoming("funding-decisions")
    @Blocking
    public CompletionStage<Void> onFundingRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleFundingRecord);
    }

    void handleFundingRecord(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(IncomingEvents.read(record), CONSUMER, FundingDecided.class, journeys::fundingDecided);
    }
}
