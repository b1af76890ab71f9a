package uk.nhs.pathways.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;

import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;

/** Publishes platform events to the test broker as another service would. */
public final class TestEvents {

    private TestEvents() {
    }

    public static CloudEvent event(EventType type, String subject, Object payload) {
        return EventCodec.envelope(UUID.randomUUID(), type, "/pathways/test", subject, OffsetDateTime.now(),
                EventCodec.toJson(payload));
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
            producer.send(new ProducerRecord<>(topic, event.getSubject(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
