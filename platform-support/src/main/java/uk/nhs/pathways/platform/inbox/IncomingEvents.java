package uk.nhs.pathways.platform.inbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.nhs.pathways.events.InvalidEventException;

/** Reads a Kafka record as a platform CloudEvent (binary mode), or says why it is not one. */
public final class IncomingEvents {

    private IncomingEvents() {}

    public static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new InvalidEventException(
                    "record at " + record.topic() + "/" + record.partition() + "@" + record.offset() + " has no value");
        }
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new InvalidEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getClass().getSimpleName());
        }
    }
}
