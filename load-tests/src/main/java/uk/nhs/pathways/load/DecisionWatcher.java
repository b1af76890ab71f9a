package uk.nhs.pathways.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Topics;

/**
 * Reads the referral-service's decision events (referral.offered, referral.needs-attention) off Kafka as
 * any outside consumer would: the end-to-end figures never poll the API. Reads from the end of the topic
 * at start, with no consumer group, so it neither sees old runs nor disturbs the services' groups.
 */
final class DecisionWatcher implements AutoCloseable {

    /** When the decision happened (its CloudEvent time) and when this consumer saw it, and which one. */
    record Decision(Instant eventTime, long consumedNanos, boolean offered) {}

    private static final String OFFERED = EventType.REFERRAL_OFFERED.type();
    private static final String NEEDS_ATTENTION = EventType.REFERRAL_NEEDS_ATTENTION.type();
    private static final String SUBMITTED = EventType.REFERRAL_SUBMITTED.type();
    private static final String FUNDING_DECIDED = EventType.FUNDING_DECIDED.type();

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, CompletableFuture<Decision>> decisions = new ConcurrentHashMap<>();
    /** Event times of each referral's referral.submitted and first funding.decided. */
    final Map<String, Instant> submitted = new ConcurrentHashMap<>();

    final Map<String, Instant> fundingDecided = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    DecisionWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        // The funding decisions too: when contract-service decided splits the lag into its stages.
        List<TopicPartition> partitions = Stream.of(Topics.REFERRALS, Topics.FUNDING_DECISIONS)
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the lazy seek now: everything after this point is seen.
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().name("decision-watcher").daemon().start(this::pollLoop);
    }

    private void pollLoop() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                String type = header(record, "ce_type");
                if (record.key() != null && SUBMITTED.equals(type)) {
                    submitted.putIfAbsent(record.key(), eventTime(record));
                } else if (record.key() != null && FUNDING_DECIDED.equals(type)) {
                    fundingDecided.putIfAbsent(record.key(), eventTime(record));
                } else if (record.key() != null && (OFFERED.equals(type) || NEEDS_ATTENTION.equals(type))) {
                    Decision decision = new Decision(eventTime(record), System.nanoTime(), OFFERED.equals(type));
                    // The first decision counts: a re-route's later decision is not this referral's first answer.
                    future(record.key()).complete(decision);
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private static Instant eventTime(ConsumerRecord<?, ?> record) {
        String time = header(record, "ce_time");
        return time == null ? Instant.now() : Instant.parse(time);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The decision for a referral: completes when (or if already) it has been read. */
    CompletableFuture<Decision> future(String referralId) {
        return decisions.computeIfAbsent(referralId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(Duration.ofSeconds(10));
    }
}
