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
import uk.nhs.pathways.outcomes.activity.service.Journeys;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapter for the funding decisions topic: which ICB commissions each referral. */
@ApplicationScoped
public class FundingDecisionsListener {

    @Inject
    EventInbox inbox;

    @Inject
    Journeys journeys;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.FUNDING_DECIDED, FundingDecided.class, journeys::fundingDecided);
    }

    @Incoming("funding-decisions")
    @Blocking
    public CompletionStage<Void> onFundingDecisions(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
