package uk.nhs.pathways.platform.inbox;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.InvalidEventException;

import java.util.function.Consumer;

/**
 * Applies an incoming event's effect exactly once per consumer: the processed-event record and the
 * effect commit in one transaction, and a redelivered event (same CloudEvent id) is skipped. An
 * exception rolls both back; the Kafka adapter then sends the record to the dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    ProcessedEvents processed;

    /** @return false when this consumer had already processed the event */
    @Transactional
    public <T> boolean deliver(CloudEvent event, String consumer, Class<T> payloadType, Consumer<T> effect) {
        EventType type = EventType.ofType(event.getType())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + event.getType()));
        if (!type.payload().equals(payloadType)) {
            throw new InvalidEventException(type.type() + " does not carry " + payloadType.getSimpleName());
        }
        T payload = EventCodec.payload(event, type, payloadType);
        if (!processed.firstDelivery(event.getId(), consumer, type.type())) {
            LOG.debugf("%s: event %s already processed, skipped", consumer, event.getId());
            return false;
        }
        effect.accept(payload);
        return true;
    }

    /**
     * A record of a compacted full-state topic: a tombstone (key, no value) removes the aggregate from
     * the consumer's view; anything else is delivered as an event.
     */
    public <T> void deliverState(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
                                 String consumer, Class<T> payloadType, Consumer<T> apply,
                                 Consumer<String> remove) {
        if (record.value() == null && record.key() != null) {
            remove.accept(record.key());
            return;
        }
        deliver(IncomingEvents.read(record), consumer, payloadType, apply);
    }
}
