package uk.nhs.pathways.platform.inbox;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.InvalidEventException;

/**
 * The one way a service consumes events. A Kafka adapter hands it each batch of records its channel
 * polled, with the {@link EventHandlers} that say what each event type means to it; the inbox:
 * <ul>
 *   <li>applies the whole batch in <b>one transaction</b>, with <b>one insert</b> into the processed-event
 *       log that tells which events are new: a redelivered event (same CloudEvent id) changes nothing;</li>
 *   <li>applies effects in record order, so events of one key (one partition) take effect in order;</li>
 *   <li>dead-letters a record that is not a valid event in that same transaction;</li>
 *   <li>when an effect fails, applies the batch again one record per transaction: a record whose effect
 *       keeps failing is dead-lettered and the rest of the batch is applied, so one poison record never
 *       stalls its partition or takes its neighbours with it;</li>
 *   <li>when even dead-lettering fails (the database is away), retries the batch with back-off, and
 *       while the service shuts down leaves it unacknowledged, so it is delivered again after restart.</li>
 * </ul>
 * The processed-event consumer name is the channel's consumer group id
 * ({@code mp.messaging.incoming.<channel>.group.id}), so each consumer is named in one place.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    /** Attempts at one record's effect before it is dead-lettered. */
    static final int ATTEMPTS = 4;

    @Inject
    ProcessedEvents processed;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Config config;

    private final Map<String, String> consumerByChannel = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    void onShutdown(@Observes @Priority(1) ShutdownEvent ignored) {
        shuttingDown = true;
    }

    /** Applies a polled batch and acknowledges it; or leaves it for redelivery during shutdown. */
    public CompletionStage<Void> receive(KafkaRecordBatch<String, byte[]> batch, EventHandlers handlers) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> metadata = batch.getMetadata(
                        IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record batch"));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(metadata.count());
        metadata.getRecords().forEach(records::add);
        try {
            process(consumerOf(metadata.getChannel()), records, handlers);
            return batch.ack();
        } catch (ShuttingDown e) {
            LOG.infof("Shutting down: %d records of %s left for redelivery", records.size(), metadata.getChannel());
            return new CompletableFuture<>(); // never acknowledged: the offsets stay uncommitted
        }
    }

    /**
     * Applies records in order for a consumer: each is applied once or dead-lettered before this
     * returns. Public so a test can hand it a batch it composed itself.
     */
    public void process(String consumer, List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        for (int round = 1; ; round++) {
            try {
                QuarkusTransaction.requiringNew()
                        .call(() -> applyAll(consumer, records, handlers))
                        .forEach(dead -> DeadLetters.log(consumer, dead.record, dead.invalid));
                return;
            } catch (RuntimeException e) {
                LOG.debugf(
                        "%s: a batch of %d failed as a whole (%s); applying it record by record",
                        consumer, records.size(), describe(e));
            }
            try {
                for (ConsumerRecord<String, byte[]> record : records) {
                    applyAlone(consumer, record, handlers);
                }
                return;
            } catch (ShuttingDown e) {
                throw e;
            } catch (RuntimeException outage) {
                if (shuttingDown) {
                    throw new ShuttingDown();
                }
                LOG.warnf(
                        "%s: records could neither be applied nor dead-lettered (%s); retrying (round %d)",
                        consumer, describe(outage), round);
                pause(Math.min(5_000L, 200L * round * round));
            }
        }
    }

    /**
     * One transaction: one processed-event insert for the batch, then each due effect in record order.
     *
     * @return the records it dead-lettered (not valid events), to be logged once committed
     */
    private List<Delivery> applyAll(
            String consumer, List<ConsumerRecord<String, byte[]>> records, EventHandlers handlers) {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        Map<String, String> typeById = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Delivery delivery = Delivery.of(record, handlers);
            deliveries.add(delivery);
            if (delivery.handler != null) {
                typeById.put(delivery.event.getId(), delivery.event.getType());
            }
        }
        Set<String> due = new HashSet<>(processed.firstDeliveries(consumer, typeById));
        List<Delivery> deadLettered = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (delivery.invalid != null) {
                if (deadLetters.record(consumer, delivery.record, delivery.invalid)) {
                    deadLettered.add(delivery);
                }
            } else if (delivery.tombstone != null) {
                delivery.tombstone.accept(delivery.record.key());
            } else if (delivery.handler != null && due.remove(delivery.event.getId())) {
                delivery.handler.apply(delivery.payload);
            }
        }
        return deadLettered;
    }

    /** A record on its own: retried a few times, then dead-lettered; an invalid event at once. */
    private void applyAlone(String consumer, ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew()
                        .call(() -> applyAll(consumer, List.of(record), handlers))
                        .forEach(dead -> DeadLetters.log(consumer, dead.record, dead.invalid));
                return;
            } catch (RuntimeException e) {
                InvalidEventException invalid = invalidCause(e);
                if (invalid != null || attempt == ATTEMPTS) {
                    String reason =
                            invalid != null ? invalid.getMessage() : "failed " + ATTEMPTS + " times: " + describe(e);
                    if (QuarkusTransaction.requiringNew().call(() -> deadLetters.record(consumer, record, reason))) {
                        DeadLetters.log(consumer, record, reason);
                    }
                    return;
                }
                if (shuttingDown) {
                    throw new ShuttingDown();
                }
                LOG.warnf(
                        "%s: %s-%d@%d failed (attempt %d of %d): %s",
                        consumer, record.topic(), record.partition(), record.offset(), attempt, ATTEMPTS, describe(e));
                pause(100L * attempt * attempt);
            }
        }
    }

    private String consumerOf(String channel) {
        return consumerByChannel.computeIfAbsent(
                channel,
                c -> config.getOptionalValue("mp.messaging.incoming." + c + ".group.id", String.class)
                        .orElseThrow(() -> new IllegalStateException("channel " + c + " names no group.id: set "
                                + "mp.messaging.incoming." + c + ".group.id, the consumer's one name")));
    }

    private static InvalidEventException invalidCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** Exception classes only: messages of database errors can quote the values that failed. */
    private static String describe(Throwable e) {
        StringBuilder chain = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e.getCause(); t != null && chain.length() < 300; t = t.getCause()) {
            chain.append(" < ").append(t.getClass().getSimpleName());
        }
        return chain.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // back-off on this channel's worker thread before trying again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDown();
        }
    }

    /** A record read against the consumer's handlers: exactly one of its outcomes is set. */
    private static final class Delivery {
        final ConsumerRecord<String, byte[]> record;
        CloudEvent event;
        EventHandlers.Handler<?> handler;
        Object payload;
        Consumer<String> tombstone;
        String invalid;

        private Delivery(ConsumerRecord<String, byte[]> record) {
            this.record = record;
        }

        static Delivery of(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
            Delivery delivery = new Delivery(record);
            try {
                if (record.value() == null) {
                    if (record.key() == null) {
                        throw new InvalidEventException("record has neither key nor value");
                    }
                    delivery.tombstone = handlers.tombstones()
                            .orElseThrow(() -> new InvalidEventException("a tombstone on a topic without deletions"));
                    return delivery;
                }
                delivery.event = IncomingEvents.read(record);
                handlers.forType(delivery.event.getType()).ifPresent(handler -> {
                    delivery.payload = EventCodec.payload(delivery.event, handler.type(), handler.payloadType());
                    delivery.handler = handler;
                });
            } catch (InvalidEventException e) {
                delivery.invalid = e.getMessage();
            }
            return delivery;
        }
    }

    /** The service is stopping: leave what is unfinished for redelivery. */
    static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super(null, null, false, false);
        }
    }
}
