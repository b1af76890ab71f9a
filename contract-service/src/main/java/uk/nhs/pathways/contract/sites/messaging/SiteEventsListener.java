package uk.nhs.pathways.contract.sites.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.contract.sites.service.SiteCopies;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapter for the directory's compacted sites topic: keeps this service's copy (tombstones remove). */
@ApplicationScoped
public class SiteEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    SiteCopies copies;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.SITE_UPDATED, SiteUpdated.class, copies::keep)
                .andTombstones(copies::remove);
    }

    @Incoming("sites")
    @Blocking
    public CompletionStage<Void> onSites(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
