package uk.nhs.pathways.referral.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapter for the compacted sites topic: keeps this service's copy of the directory's sites. */
@ApplicationScoped
public class SiteEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    DirectorySiteProjector projector;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.SITE_UPDATED, SiteUpdated.class, projector::apply)
                .andTombstones(projector::remove);
    }

    @Incoming("sites")
    @Blocking
    public CompletionStage<Void> onSites(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
