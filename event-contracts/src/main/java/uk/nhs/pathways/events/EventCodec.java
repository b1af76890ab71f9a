package uk.nhs.pathways.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds and reads the platform's envelope: a CloudEvent 1.0 with a JSON payload. Unknown payload
 * fields are ignored so a consumer keeps working when a producer adds a field (additive change
 * within a schema version).
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {}

    public static byte[] toJson(Object payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CloudEvents' sequence extension: the event's place among its aggregate's events (1, 2, 3...). */
    public static final String SEQUENCE = "sequence";

    public static CloudEvent envelope(
            UUID id, EventType type, String source, String subject, OffsetDateTime time, byte[] json) {
        return envelope(id, type, source, subject, time, json, null);
    }

    /** The envelope, with the aggregate's sequence number when there is one. */
    public static CloudEvent envelope(
            UUID id, EventType type, String source, String subject, OffsetDateTime time, byte[] json, Long sequence) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type.type())
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time.withOffsetSameInstant(ZoneOffset.UTC))
                .withDataSchema(type.dataSchema())
                .withDataContentType(CONTENT_TYPE)
                .withData(json);
        if (sequence != null) {
            // The extension's value is a string; zero-padded so it also sorts as text, as the spec asks.
            builder.withExtension(SEQUENCE, String.format("%019d", sequence));
        }
        return builder.build();
    }

    /** An event's sequence number, or null when it carries none. */
    public static Long sequence(CloudEvent event) {
        Object value = event.getExtension(SEQUENCE);
        return value == null ? null : Long.valueOf(value.toString());
    }

    /** The payload of an event, checked against its declared type. */
    public static <T> T payload(CloudEvent event, EventType expected, Class<T> as) {
        if (!expected.type().equals(event.getType())) {
            throw new InvalidEventException("expected type " + expected.type() + " but was " + event.getType());
        }
        if (event.getData() == null) {
            throw new InvalidEventException("event " + event.getId() + " has no data");
        }
        try {
            return JSON.readValue(event.getData().toBytes(), as);
        } catch (IOException e) {
            throw new InvalidEventException("event " + event.getId() + " data is not a valid " + as.getSimpleName()
                    + ": " + e.getClass().getSimpleName());
        }
    }

    public static <T> T fromJson(byte[] json, Class<T> as) {
        try {
            return JSON.readValue(json, as);
        } catch (IOException e) {
            throw new InvalidEventException(
                    "not a valid " + as.getSimpleName() + ": " + e.getClass().getSimpleName());
        }
    }
}
