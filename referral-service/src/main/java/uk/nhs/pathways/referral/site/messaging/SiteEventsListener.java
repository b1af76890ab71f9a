package uk.nhs.pathways.referral.site.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.platform.inbox.IncomingEvents;

/** Kafka adapter for the sites topic. A record it cannot process goes to the dead-letter topic. */
@ApplicationScoped
public class SiteEventsListener {

    static final String CONSUMER = "referral-service.site-view";

    @Inject
    EventInbox inbox;

    @Inject
    SiteViewProjector projector;

    @Incoming("sites")
    @Blocking
    public void onSiteRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null && record.key() != null) {
            projector.remove(record.key());
            return;
        }
        inbox.deliver(IncomingEvents.read(record), CONSUMER, SiteUpdated.class, projector::apply);
    }
}
