package uk.nhs.pathways.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Kafka record headers as JSON, for keeping a record that is not a platform event (a dead letter) in
 * the database: an array of {@code {"name", "value"}} with each value in base64, names repeatable.
 */
public final class RecordHeadersJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String name, String value) {}

    private RecordHeadersJson() {}

    public static String write(Headers headers) {
        List<Entry> entries = new ArrayList<>();
        for (Header header : headers) {
            entries.add(new Entry(
                    header.key(),
                    header.value() == null ? null : Base64.getEncoder().encodeToString(header.value())));
        }
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Headers read(String json) {
        RecordHeaders headers = new RecordHeaders();
        try {
            for (Entry entry : JSON.readValue(json, Entry[].class)) {
                headers.add(
                        entry.name(),
                        entry.value() == null ? null : Base64.getDecoder().decode(entry.value()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable record headers in the outbox", e);
        }
        return headers;
    }
}
