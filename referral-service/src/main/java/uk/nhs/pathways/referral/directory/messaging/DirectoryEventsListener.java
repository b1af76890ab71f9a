package uk.nhs.pathways.referral.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapter for the directory's compacted sites and classes topics: keeps this service's copies. */
@ApplicationScoped
public class DirectoryEventsListener {

    @Inject
    EventInbox inbox;

    @Inject
    DirectoryProjector projector;

    private EventHandlers sites;
    private EventHandlers classes;

    @PostConstruct
    void handlers() {
        sites = EventHandlers.on(EventType.SITE_UPDATED, SiteUpdated.class, projector::site)
                .andTombstones(projector::siteRemoved);
        classes = EventHandlers.on(EventType.CLASS_UPDATED, ClassUpdated.class, projector::cohort)
                .andTombstones(projector::cohortRemoved);
    }

    @Incoming("sites")
    @Blocking
    public CompletionStage<Void> onSites(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, sites);
    }

    @Incoming("classes")
    @Blocking
    public CompletionStage<Void> onClasses(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, classes);
    }
}
