package uk.nhs.pathways.platform.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.platform.kafka.EventProducer;

/**
 * Relays committed outbox events to Kafka in order. With several replicas, one relays at a time (an
 * advisory lock held for the batch's transaction), so one aggregate's events are never published out of
 * order; rows are marked published only after the broker acknowledged them. If the broker is down the
 * batch rolls back and is retried: an event may then be sent twice, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The advisory lock only the relaying replica holds (an arbitrary number, the same in every service). */
    static final long RELAY_LOCK = 0x5041_5448_5741_5953L; // "PATHWAYS"

    @Inject
    EntityManager entityManager;

    @Inject
    EventProducer producer;

    @Inject
    OutboxConfig config;

    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean brokerWasDown;
    private Thread relay;

    void start(@Observes StartupEvent ignored) {
        running = true;
        relay = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        work.release();
        if (relay != null) {
            relay.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Called after a transaction that recorded events commits: relay now rather than at the next poll. */
    public void wake() {
        work.release();
    }

    private void loop() {
        long nextPurge = 0;
        while (running) {
            relayPending();
            if (System.nanoTime() - nextPurge > 0) {
                purgePublished();
                nextPurge = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
            }
            try {
                // Sleep until woken by a commit, or poll anyway (events of other replicas, retries).
                work.tryAcquire(
                        brokerWasDown
                                ? config.retryInterval().toMillis()
                                : config.pollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
                work.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew()
                        .timeout((int) config.sendTimeout().toSeconds() + 10)
                        .call(this::relayBatch);
            } while (sent == config.batchSize());
            if (brokerWasDown) {
                LOG.info("Outbox relay: broker reachable again, pending events delivered");
                brokerWasDown = false;
            }
        } catch (RuntimeException e) {
            if (!brokerWasDown) {
                LOG.warnf("Outbox relay: events kept for retry (%s)", rootMessage(e));
                brokerWasDown = true;
            }
        }
    }

    /** Deletes events published longer ago than the retention: the outbox is a queue, not an archive. */
    void purgePublished() {
        try {
            int purged = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager
                            .createQuery("delete from OutboxEvent where publishedAt < :before")
                            .setParameter(
                                    "before", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                            .executeUpdate());
            if (purged > 0) {
                LOG.infof("Outbox: purged %d events published more than %s ago", purged, config.retention());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox purge skipped: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends one batch; returns how many events it published. */
    int relayBatch() throws Exception {
        // One relay at a time per service, whatever the replicas: two relays each sending a batch could
        // publish one aggregate's events out of order. The lock ends with the transaction.
        if (!(Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = entityManager
                .createNativeQuery(
                        "select * from outbox_event where published_at is null order by seq limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            acks.add(producer.send(toRecord(row)));
        }
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = batch.stream().map(e -> e.id).toList();
        entityManager
                .createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
        return batch.size();
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEvent row) {
        if (row.tombstone) {
            return new ProducerRecord<>(row.topic, row.key, null);
        }
        if (row.rawHeaders != null) {
            return new ProducerRecord<>(row.topic, null, row.key, row.rawValue, RecordHeadersJson.read(row.rawHeaders));
        }
        EventType type = EventType.ofType(row.type)
                .orElseThrow(() -> new IllegalStateException("unknown event type in outbox: " + row.type));
        CloudEvent event = EventCodec.envelope(
                row.id,
                type,
                config.source(),
                row.subject,
                row.occurredAt,
                row.payload.getBytes(StandardCharsets.UTF_8),
                row.aggregateSequence);
        // Binary mode: CloudEvent attributes as ce_* headers, the JSON payload as the value.
        return KafkaMessageFactory.<String>createWriter(row.topic, row.key).writeBinary(event);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
