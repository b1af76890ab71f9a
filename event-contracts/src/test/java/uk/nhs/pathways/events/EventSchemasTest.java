package uk.nhs.pathways.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type's JSON Schema is committed (src/main/resources/schemas, named by
 * EventType.schemaResource, $id = the event's dataschema) and generated from the payload record, so it
 * cannot drift from the code; docs/asyncapi.yaml describes every topic from the same source. When a
 * payload changes, regenerate both with -Dpathways.schemas.write=true and review the diff.
 */
class EventSchemasTest {

    static final Path SCHEMAS = Path.of("src/main/resources");
    static final Path ASYNCAPI = Path.of("../docs/asyncapi.yaml");
    static final boolean WRITE = Boolean.getBoolean("pathways.schemas.write");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypesSchemaIsCommittedAndCurrent(EventType type) throws IOException {
        String generated = JSON.writeValueAsString(schema(type)) + "\n";
        Path file = SCHEMAS.resolve(type.schemaResource());
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated);
        }
        assertThat(file)
                .as("schema of %s (regenerate with -Dpathways.schemas.write=true)", type)
                .exists();
        assertThat(Files.readString(file))
                .as("%s is out of date: regenerate with -Dpathways.schemas.write=true", file)
                .isEqualTo(generated);
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTopicAndIsCurrent() throws IOException {
        String generated = AsyncApi.document();
        if (WRITE) {
            Files.writeString(ASYNCAPI, generated);
        }
        assertThat(Files.readString(ASYNCAPI))
                .as("docs/asyncapi.yaml is out of date: regenerate with -Dpathways.schemas.write=true")
                .isEqualTo(generated);
        for (EventType type : EventType.values()) {
            assertThat(generated).contains(type.type());
        }
    }

    @Test
    void eventsAsTheCodecWritesThemValidateAgainstTheirSchemas() throws IOException {
        var episode = new EpisodeContext(
                "course-1",
                "r-1",
                "p-abc",
                "65-74",
                Joint.KNEE,
                "B86030",
                "PCN-15F-1",
                "leisure-1",
                "site-1",
                Setting.LEISURE_CENTRE,
                "QWO");
        Map<EventType, Object> samples = Map.of(
                EventType.REFERRAL_SUBMITTED,
                new ReferralSubmitted(
                        "r-1",
                        "p-abc",
                        "B86030",
                        Joint.HIP,
                        "s-1",
                        "prov-1",
                        12,
                        1200,
                        Instant.parse("2026-11-26T10:00:00Z"),
                        "c-1",
                        1,
                        "65-74"),
                EventType.FUNDING_DECIDED,
                new FundingDecided("r-1", false, null, null, "QHM", List.of("capped"), Instant.now(), 2, 1),
                EventType.CLASS_UPDATED,
                new ClassUpdated(
                        "c-1",
                        "s-1",
                        "prov-1",
                        List.of(Joint.KNEE),
                        LocalDate.of(2026, 12, 1),
                        List.of(java.time.DayOfWeek.TUESDAY),
                        LocalTime.of(10, 0),
                        12,
                        8,
                        3,
                        FacilitatorType.PHYSIOTHERAPIST,
                        ClassStatus.SCHEDULED,
                        60),
                EventType.OUTCOME_MEASURE_RECORDED,
                new OutcomeMeasureRecorded(
                        episode,
                        Instrument.KOOS_PS,
                        Timepoint.LAST_SESSION,
                        new BigDecimal("78.0"),
                        LocalDate.of(2026, 11, 20),
                        new BigDecimal("63.0"),
                        new BigDecimal("15.0"),
                        new BigDecimal("10"),
                        true),
                EventType.OUTCOME_COURSE_ENDED,
                new OutcomeCourseEnded(
                        episode,
                        CourseOutcome.DROPPED_OUT,
                        DropOutReason.CONSECUTIVE_ABSENCES,
                        12,
                        11,
                        4,
                        false,
                        LocalDate.of(2026, 11, 20)));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (var sample : samples.entrySet()) {
            JsonSchema schema = factory.getSchema(
                    Files.readString(SCHEMAS.resolve(sample.getKey().schemaResource())));
            JsonNode event = JSON.readTree(EventCodec.toJson(sample.getValue()));
            assertThat(schema.validate(event)).as(sample.getKey().toString()).isEmpty();
            ((ObjectNode) event).put(event.fieldNames().next(), 42); // the first field, wrongly typed
            assertThat(schema.validate(event)).as("a broken " + sample.getKey()).isNotEmpty();
        }
    }

    static ObjectNode schema(EventType type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FLATTENED_ENUMS, Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // Fields of a primitive type are always present; the rest may be null (and, added within a
        // schema version, absent from older events), so consumers must ignore what they do not know.
        config.forFields()
                .withRequiredCheck(field -> field.getType().getErasedType().isPrimitive());
        config.forTypesInGeneral().withStringFormatResolver(scope -> {
            Class<?> erased = scope.getType().getErasedType();
            return erased == LocalDate.class
                    ? "date"
                    : erased == Instant.class ? "date-time" : erased == LocalTime.class ? "time" : null;
        });
        config.forTypesInGeneral().withAdditionalPropertiesResolver(scope -> null);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(type.payload());
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", type.dataSchema().toString());
        document.put("title", type.type() + " v" + type.schemaVersion());
        document.put(
                "description",
                "Payload (CloudEvent data) of " + type.type() + " on " + type.topic()
                        + ". Fields may be added within a version: ignore those you do not know.");
        document.setAll(schema);
        return document;
    }

    /** docs/asyncapi.yaml, made from Topics and EventType. */
    static final class AsyncApi {

        static final Map<String, String> TOPICS = new TreeMap<>(Map.of(
                Topics.SITES,
                "Full state of every site (compacted; tombstones delete).",
                Topics.CLASSES,
                "Full state of every class, places taken included (compacted; tombstones delete).",
                Topics.REFERRALS,
                "Referral lifecycle, courses, attendance and measures; keyed by referral id.",
                Topics.PLACES,
                "The site directory's answers to booking requests; keyed by referral id.",
                Topics.FUNDING_COVERAGE,
                "Which providers each commissioner's contracts cover, no prices (compacted; key icb/provider).",
                Topics.FUNDING_DECISIONS,
                "Funding decisions, one per referral route; keyed by referral id.",
                Topics.CONTRACT_ALERTS,
                "Contracts reaching 80% and 100% of a cap in a period; keyed by contract id.",
                Topics.OUTCOMES_PATTERN,
                "One ICB's pseudonymous outcome events for its ICS (one topic per ICB, ACL per consumer); keyed by"
                        + " episode (course) id."));

        static String document() throws IOException {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            ObjectNode root = yaml.createObjectNode();
            root.put("asyncapi", "3.0.0");
            ObjectNode info = root.putObject("info");
            info.put("title", "Pathways events");
            info.put("version", "1.0.0");
            info.put(
                    "description",
                    "Every Kafka topic of the Pathways platform. Each record is a CloudEvent 1.0 in"
                            + " Kafka binary mode (attributes as ce_* headers, JSON data as the value), keyed by the id of"
                            + " the aggregate it is about. The reference for consumers is docs/events.md.");
            root.put("defaultContentType", "application/json");
            ObjectNode server = root.putObject("servers").putObject("local");
            server.put("host", "127.0.0.1:9092");
            server.put("protocol", "kafka");
            server.put("description", "The local run (bin/pathways)");
            ObjectNode channels = root.putObject("channels");
            ObjectNode operations = root.putObject("operations");
            ObjectNode messages = root.putObject("components").putObject("messages");
            for (var topic : TOPICS.entrySet()) {
                String channelId = topic.getKey()
                        .replace("pathways.", "")
                        .replace(".v1", "")
                        .replace(".<icb>", "-per-icb");
                ObjectNode channel = channels.putObject(channelId);
                channel.put("address", topic.getKey().replace("<icb>", "{icb}"));
                channel.put("description", topic.getValue());
                if (topic.getKey().contains("<icb>")) {
                    channel.putObject("parameters")
                            .putObject("icb")
                            .put("description", "The ICB's ODS code in lower case, e.g. qwo");
                }
                ObjectNode channelMessages = channel.putObject("messages");
                for (EventType type : EventType.values()) {
                    if (!type.topic().equals(topic.getKey())) {
                        continue;
                    }
                    String messageId = type.type().substring("uk.nhs.pathways.".length());
                    channelMessages.putObject(messageId).put("$ref", "#/components/messages/" + messageId);
                    ObjectNode message = messages.putObject(messageId);
                    message.put("name", type.type());
                    message.put("title", messageId + " v" + type.schemaVersion());
                    message.put("contentType", "application/json");
                    message.putObject("payload")
                            .put("$ref", "../event-contracts/src/main/resources/" + type.schemaResource());
                    ObjectNode headers = message.putObject("headers");
                    headers.put("type", "object");
                    ObjectNode properties = headers.putObject("properties");
                    properties.putObject("ce_type").put("const", type.type());
                    properties
                            .putObject("ce_dataschema")
                            .put("const", type.dataSchema().toString());
                    properties
                            .putObject("ce_id")
                            .put("type", "string")
                            .put("description", "Unique per event: deduplicate on it");
                    properties
                            .putObject("ce_subject")
                            .put("type", "string")
                            .put("description", "The aggregate id, equal to the record key");
                }
                ObjectNode operation = operations.putObject("consume-" + channelId);
                operation.put("action", "receive");
                operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            }
            ObjectNode deadLetters = channels.putObject("dead-letter");
            deadLetters.put("address", "pathways.dead-letter.{service}");
            deadLetters.put(
                    "description",
                    "Records a service could not process, as received, with dead-letter-*"
                            + " headers (reason, consumer, topic, partition, offset).");
            deadLetters.putObject("parameters").putObject("service").put("description", "The consuming service");
            return yaml.writeValueAsString(root);
        }
    }
}
