package uk.nhs.pathways.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void envelopeCarriesCloudEventAttributesAndRoundTripsPayload() {
        var decided = new FundingDecided(
                "r-1", true, "c-9", 12, "QWO", List.of(), Instant.parse("2026-01-02T03:04:05Z"), 1, 1);
        UUID id = UUID.randomUUID();

        CloudEvent event = EventCodec.envelope(
                id,
                EventType.FUNDING_DECIDED,
                "/pathways/contract-service",
                "r-1",
                OffsetDateTime.parse("2026-01-02T03:04:05Z"),
                EventCodec.toJson(decided));

        assertThat(event.getId()).isEqualTo(id.toString());
        assertThat(event.getType()).isEqualTo("uk.nhs.pathways.funding.decided");
        assertThat(event.getSubject()).isEqualTo("r-1");
        assertThat(event.getDataSchema()).hasToString("urn:pathways:schema:funding.decided:v1");
        assertThat(EventCodec.payload(event, EventType.FUNDING_DECIDED, FundingDecided.class))
                .isEqualTo(decided);
    }

    @Test
    void unknownPayloadFieldsAreIgnoredSoProducersCanAddFields() {
        byte[] json = "{\"referralId\":\"r-2\",\"funded\":false,\"reasons\":[\"x\"],\"addedLater\":42}".getBytes();
        assertThat(EventCodec.fromJson(json, FundingDecided.class).reasons()).containsExactly("x");
    }

    @Test
    void aPayloadOfTheWrongTypeIsRejected() {
        CloudEvent event = EventCodec.envelope(
                UUID.randomUUID(), EventType.REFERRAL_OFFERED, "/x", "r-3", OffsetDateTime.now(), "{}".getBytes());
        assertThatThrownBy(() -> EventCodec.payload(event, EventType.FUNDING_DECIDED, FundingDecided.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("expected type uk.nhs.pathways.funding.decided");
    }

    @Test
    void everyTypeHasAVersionedSchemaAndResolvesByName() {
        for (EventType type : EventType.values()) {
            assertThat(type.dataSchema().toString()).endsWith(":v" + type.schemaVersion());
            assertThat(EventType.ofType(type.type())).contains(type);
        }
    }
}
