package uk.nhs.pathways.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.Headers;

/** The CloudEvents serializer, letting a null event through as a tombstone (key, no value, no headers). */
public class TombstoneCloudEventSerializer extends CloudEventSerializer {

    @Override
    public byte[] serialize(String topic, Headers headers, CloudEvent data) {
        return data == null ? null : super.serialize(topic, headers, data);
    }
}
