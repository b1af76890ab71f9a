package uk.nhs.pathways.referral.cohort.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.platform.inbox.EventConsumption;
import uk.nhs.pathways.platform.inbox.EventInbox;

import java.util.concurrent.CompletionStage;

/** Kafka adapter for the classes topic. A record it cannot process goes to the dead-letter topic. */
@ApplicationScoped
public class ClassEventsListener {

    static final String CONSUMER = "referral-service.class-view";

    @Inject
    EventInbox inbox;

    @Inject
    EventConsumption consumption;

    @Inject
    ClassViewProjector projector;

    @Incoming("classes")
    @Blocking
    public CompletionStage<Void> onClassRecord(Message<byte[]> message) {
        return consumption.consume(message, this::handleClassRecord);
    }

    void handleClassRecord(ConsumerRecord<String, byte[]> record) {
        inbox.deliverState(record, CONSUMER, ClassUpdated.class, projector::apply, projector::remove);
    }
}
