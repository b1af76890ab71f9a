package uk.nhs.pathways.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;

/** Publishes platform events to the test broker as another service would. */
public final class TestEvents {

    private TestEvents() {}

    public static CloudEvent event(EventType type, String subject, Object payload) {
        return EventCodec.envelope(
                UUID.randomUUID(), type, "/pathways/test", subject, OffsetDateTime.now(), EventCodec.toJson(payload));
    }

    /**
     * The record a consumer would poll for an event at a position of a topic: how a test composes a
     * batch of its own (with poison records where it wants them).
     */
    public static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, CloudEvent event) {
        ProducerRecord<String, byte[]> written = KafkaMessageFactory.<String>createWriter(topic, event.getSubject())
                .writeBinary(event);
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                written.value().length,
                written.key(),
                written.value(),
                written.headers(),
                Optional.empty());
    }

    /** A record that is not a platform event at all: bytes without CloudEvent headers. */
    public static ConsumerRecord<String, byte[]> rawRecord(
            String topic, int partition, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                value == null ? -1 : value.length,
                key,
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    /** Publishes a new event and returns it (publish it again to test redelivery). */
    public static CloudEvent publish(EventType type, String subject, Object payload) {
        CloudEvent event = event(type, subject, payload);
        publish(type.topic(), event);
        return event;
    }

    public static void publish(String topic, CloudEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, event.getSubject(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
