package uk.nhs.pathways.contract.funding.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.contract.funding.service.EpisodeLifecycle;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.OutcomeMeasureRecorded;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/**
 * Kafka adapter for every ICB's outcome topic (one pattern subscription, pathways.outcomes.&lt;icb&gt;.v1):
 * responders at follow-up, which outcome-based contracts pay for. Other outcome events are passed over.
 */
@ApplicationScoped
public class OutcomeEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    EpisodeLifecycle lifecycle;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers =
                EventHandlers.on(EventType.OUTCOME_MEASURE_RECORDED, OutcomeMeasureRecorded.class, lifecycle::measured);
    }

    @Incoming("outcomes")
    @Blocking
    public CompletionStage<Void> onOutcomes(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
