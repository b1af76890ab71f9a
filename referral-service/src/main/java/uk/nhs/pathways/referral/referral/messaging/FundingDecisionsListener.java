package uk.nhs.pathways.referral.referral.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;
import uk.nhs.pathways.referral.referral.service.Referrals;

import java.util.concurrent.CompletionStage;

/** Kafka adapter for funding decisions; unprocessable records go to the dead-letter topic. */
@ApplicationScoped
public class FundingDecisionsListener {

    static final String CONSUMER = "referral-service.funding";

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    Referrals referrals;

    @Incoming("funding-decisions")
    @Blocking
    public CompletionStage<Void> onDecisionRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleDecisionRecord);
    }

    void handleDecisionRecord(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(IncomingEvents.read(record), CONSUMER, FundingDecided.class, referrals::applyFundingDecision);
    }
}
