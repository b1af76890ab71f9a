package uk.nhs.pathways.referral.lifecycle.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.referral.lifecycle.service.Referrals;

/** Kafka adapter for the site directory's answers to booking requests: a place reserved, or refused. */
@ApplicationScoped
public class PlacesListener {

    @Inject
    EventInbox inbox;

    @Inject
    Referrals referrals;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.PLACE_RESERVED, PlaceReserved.class, referrals::placeReserved)
                .and(EventType.PLACE_REFUSED, PlaceRefused.class, referrals::placeRefused);
    }

    @Incoming("places")
    @Blocking
    public CompletionStage<Void> onPlaces(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
