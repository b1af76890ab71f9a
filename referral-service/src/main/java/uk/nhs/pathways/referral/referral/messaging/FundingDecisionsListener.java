package uk.nhs.pathways.referral.referral.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;
import uk.nhs.pathways.referral.referral.service.Referrals;

/** Kafka adapter for funding decisions; unprocessable records go to the dead-letter topic. */
@ApplicationScoped
public class FundingDecisionsListener {

    static final String CONSUMER = "referral-service.funding";

    @Inject
    EventInbox inbox;

    @Inject
    Referrals referrals;

    @Incoming("funding-decisions")
    @Blocking
    public void onDecisionRecord(ConsumerRecord<String, byte[]> record) {
        inbox.deliver(IncomingEvents.read(record), CONSUMER, FundingDecided.class, referrals::applyFundingDecision);
    }
}
