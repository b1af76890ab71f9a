package uk.nhs.pathways.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.outbox.RecordHeadersJson;

/**
 * Records a consumer could not process. Each is kept in the service's {@code dead_letter} table (for
 * an admin to inspect and replay once the cause is fixed) and relayed, through the outbox and so in the
 * same transaction, to the service's dead-letter topic with the reason in {@code dead-letter-*} headers.
 * Nothing is dropped, and the partition moves on.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ProcessedEvents processed;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * Dead-letters a record for a consumer. A record already dead-lettered for it (a redelivery) is not
     * recorded twice; a platform event is also marked processed, so its redelivery is skipped.
     *
     * @return false when the record had been dead-lettered before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String consumer, ConsumerRecord<String, byte[]> record, String reason) {
        String eventId = header(record.headers(), "ce_id");
        String eventType = header(record.headers(), "ce_type");
        if (!insert(consumer, record, eventId, eventType, reason)) {
            return false;
        }
        if (eventId != null) {
            processed.firstDeliveries(consumer, Map.of(eventId, eventType == null ? "unknown" : eventType));
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-consumer", bytes(consumer));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        outbox.recordRaw(Topics.deadLetter(service), record.key(), record.value(), headers);
        return true;
    }

    /** Said once the transaction that dead-lettered the record committed. */
    static void log(String consumer, ConsumerRecord<String, byte[]> record, String reason) {
        LOG.errorf(
                "%s dead-lettered %s-%d@%d: %s", consumer, record.topic(), record.partition(), record.offset(), reason);
    }

    private boolean insert(
            String consumer, ConsumerRecord<String, byte[]> record, String eventId, String eventType, String reason) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, record_key, record_value,
                                             record_headers, event_id, event_type, reason)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                    on conflict do nothing
                    returning id""")) {
                insert.setString(1, consumer);
                insert.setString(2, record.topic());
                insert.setInt(3, record.partition());
                insert.setLong(4, record.offset());
                insert.setString(5, record.key());
                insert.setBytes(6, record.value());
                insert.setString(7, RecordHeadersJson.write(record.headers()));
                insert.setString(8, eventId);
                insert.setString(9, eventType);
                insert.setString(10, reason);
                try (ResultSet rows = insert.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
