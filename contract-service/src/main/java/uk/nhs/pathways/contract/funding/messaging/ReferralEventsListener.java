package uk.nhs.pathways.contract.funding.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.funding.service.FundingCheck;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/**
 * Kafka adapter for the referrals topic: every proposal of a referral (submitted, then each re-route)
 * gets a funding check. The topic's other event types are not this service's business.
 */
@ApplicationScoped
public class ReferralEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    FundingCheck check;

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
                        rerouted -> check.decide(Proposal.of(rerouted)));
    }

    @Incoming("referrals")
    @Blocking
    public CompletionStage<Void> onReferrals(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
