package uk.nhs.pathways.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.InvalidEventException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What every Kafka adapter does with a record, in one place:
 * <ul>
 *   <li>a record that is not a valid event is dead-lettered at once (nack: the channel's
 *       dead-letter-queue failure strategy writes it, with the reason, to the service's DLQ topic);</li>
 *   <li>any other failure (a database hiccup, two channels racing on one row) is retried a few times
 *       before the record is dead-lettered, so the partition never blocks;</li>
 *   <li>while the service shuts down, a record whose processing fails is neither acknowledged nor
 *       dead-lettered: its offset is not committed, so it is delivered again after the restart.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);
    private static final int ATTEMPTS = 4;

    private volatile boolean shuttingDown;

    void onShutdown(@Observes @Priority(1) ShutdownEvent ignored) {
        shuttingDown = true;
    }

    public CompletionStage<Void> consume(Message<byte[]> message, Consumer<ConsumerRecord<String, byte[]>> handler) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, byte[]>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                handler.accept(record);
                return message.ack();
            } catch (InvalidEventException e) {
                return deadLetter(message, record, e);
            } catch (RuntimeException e) {
                failure = e;
                if (shuttingDown) {
                    break;
                }
                LOG.warnf("Processing %s-%d@%d failed (attempt %d of %d): %s", record.topic(), record.partition(),
                        record.offset(), attempt, ATTEMPTS, e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
        return deadLetter(message, record, failure);
    }

    private CompletionStage<Void> deadLetter(Message<byte[]> message, ConsumerRecord<String, byte[]> record,
                                             RuntimeException reason) {
        if (shuttingDown) {
            LOG.infof("Shutting down: %s-%d@%d left for redelivery", record.topic(), record.partition(), record.offset());
            return new CompletableFuture<>(); // never acked: the offset stays uncommitted
        }
        LOG.errorf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        return message.nack(reason);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(100L * attempt * attempt); // a short pause on a worker thread before retrying a transient failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
