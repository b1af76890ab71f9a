package uk.nhs.pathways.testing;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes a topic of the test broker from outside the service under test. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    /** A reader of every partition of the topic, from its start. */
    public TopicReader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        // Assigned, not subscribed: no group coordination, every partition from the beginning.
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything read so far, after one more poll. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** The records read so far that are platform events (CloudEvents), as events. */
    public List<CloudEvent> events() {
        return poll().stream()
                .filter(r -> r.headers().lastHeader("ce_id") != null)
                .map(r -> KafkaMessageFactory.createReader(r).toEvent())
                .toList();
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Writes a raw record (any bytes, any headers): how tests send poison messages. */
    public static void write(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes()));
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
