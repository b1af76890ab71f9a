package uk.nhs.pathways.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that transaction
 * commits, and then certainly (see {@link OutboxRelay}): no dual write.
 */
@ApplicationScoped
public class Outbox {

    /** The outbox type of records that are not platform events. */
    static final String RAW_TYPE = "raw-record";

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, String aggregateId, Object payload) {
        if (type.perIcb()) {
            throw new IllegalArgumentException(type + " goes to one topic per ICB: use recordForIcb");
        }
        return record(type, type.topic(), aggregateId, payload);
    }

    /** Records an event of a per-ICB type ({@link EventType#perIcb()}) on that ICB's topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordForIcb(EventType type, String icbOdsCode, String aggregateId, Object payload) {
        return record(type, type.topicFor(icbOdsCode), aggregateId, payload);
    }

    private UUID record(EventType type, String topic, String aggregateId, Object payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(
                    type + " carries " + type.payload().getSimpleName());
        }
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.key = aggregateId;
        event.type = type.type();
        event.dataSchema = type.dataSchema().toString();
        event.payload = new String(EventCodec.toJson(payload), StandardCharsets.UTF_8);
        return persist(event);
    }

    /**
     * Records the deletion of an aggregate whose full state lives on a compacted topic: relayed as a
     * tombstone (its key, no value), after which compaction forgets the aggregate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordDeletion(EventType stateType, String aggregateId) {
        OutboxEvent event = new OutboxEvent();
        event.topic = stateType.topic();
        event.key = aggregateId;
        event.type = stateType.type();
        event.tombstone = true;
        return persist(event);
    }

    /**
     * Records a Kafka record that is not a platform event, with its value and headers as they are (a
     * dead letter on its way to the dead-letter topic).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordRaw(String topic, String key, byte[] value, Headers headers) {
        OutboxEvent event = new OutboxEvent();
        event.topic = topic;
        event.key = key;
        event.type = RAW_TYPE;
        event.rawValue = value;
        event.rawHeaders = RecordHeadersJson.write(headers);
        return persist(event);
    }

    private UUID persist(OutboxEvent event) {
        // The aggregate's sequence number is taken by the database as the row is inserted (a trigger,
        // db/platform V0_5): the counter's row lock orders the aggregate's writers.
        event.id = UUID.randomUUID();
        event.subject = event.key;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event.id;
    }
}
