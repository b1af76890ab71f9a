package uk.nhs.pathways.referral.site.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;

import java.util.concurrent.CompletionStage;

/** Kafka adapter for the sites topic. A record it cannot process goes to the dead-letter topic. */
@ApplicationScoped
public class SiteEventsListener {

    static final String CONSUMER = "referral-service.site-view";

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    SiteViewProjector projector;

    @Incoming("sites")
    @Blocking
    public CompletionStage<Void> onSiteRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleSiteRecord);
    }

    void handleSiteRecord(ConsumerRecord<String, byte[]> record) {
        inbox.deliverState(record, CONSUMER, SiteUpdated.class, projector::apply, projector::remove);
    }
}
