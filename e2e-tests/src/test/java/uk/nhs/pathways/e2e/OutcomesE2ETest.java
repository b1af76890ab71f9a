package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.e2e.E2E.KNEE_OA;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.header;
import static uk.nhs.pathways.e2e.E2E.provider;
import static uk.nhs.pathways.e2e.E2E.referrer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Topics;

/**
 * The outcomes half of the pathway through all four services: a Leeds referral booked, the provider's
 * register over the whole course (12 sessions, one absent with notice, one absent), measures at the first
 * and last sessions; the course ends COMPLETED, and West Yorkshire's own outcome topic carries the course,
 * each session, the end and each measure with its change and responder flag. Those events are read by a
 * plain Kafka consumer outside the services, checked against the JSON Schemas their {@code dataschema}
 * names, and carry no NHS number, name or date of birth. Every clock is moved past the class's last session
 * so the register may record it, and back afterwards.
 */
@Order(10)
class OutcomesE2ETest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NHS_NUMBER = E2E.newNhsNumber();
    static final String WEST_YORKSHIRE = "QWO";

    @BeforeAll
    static void thePlatformRuns() throws IOException {
        E2E.platform();
        E2E.shiftClocks(Duration.ZERO);
    }

    @AfterAll
    static void clocksBack() throws IOException {
        E2E.shiftClocks(Duration.ZERO);
    }

    @Test
    void aCompletedCourseReachesTheIcbAsSchemaValidPseudonymousOutcomeEvents() throws Exception {
        String id = referrer(LEEDS_PRACTICE)
                .contentType(ContentType.JSON)
                .body(E2E.referral(NHS_NUMBER, "LS6 2AB", KNEE_OA))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));
        String providerId = field(LEEDS_PRACTICE, id, "offer.providerId");
        String classId = field(LEEDS_PRACTICE, id, "offer.classId");
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", classId))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202);
        awaitStatus(LEEDS_PRACTICE, id, "BOOKED", Duration.ofSeconds(30));

        // The register lists the class's sessions on the dates its schedule gives them.
        List<String> dates = provider(providerId)
                .get("/referrals/" + id + "/course")
                .then()
                .statusCode(200)
                .extract()
                .path("sessions.on");
        assertThat(dates).hasSize(12);
        LocalDate first = LocalDate.parse(dates.get(0));
        LocalDate last = LocalDate.parse(dates.get(dates.size() - 1));

        // A session not yet held cannot be recorded: the person is booked for the future.
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("attendance", "ATTENDED"))
                .put("/referrals/" + id + "/course/sessions/1")
                .then()
                .statusCode(400);

        // Every service's clock moves to the day after the last session.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        E2E.shiftClocks(Duration.ofDays(ChronoUnit.DAYS.between(today, last) + 1));

        List<String> register = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            register.add(n == 5 ? "ABSENT_WITH_NOTICE" : n == 9 ? "ABSENT" : "ATTENDED");
        }
        // The first entry waits for the services to read the moved clock.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> record(providerId, id, 1, register.get(0)));
        assertThat(field(LEEDS_PRACTICE, id, "status").toString()).isEqualTo("IN_PROGRESS");
        measures(providerId, id, "FIRST_SESSION", first, 40, 7, 60);
        for (int n = 2; n <= 11; n++) {
            record(providerId, id, n, register.get(n - 1));
        }
        // The same answer again is idempotent: nothing changes, nothing is published twice.
        record(providerId, id, 2, register.get(1));
        measures(providerId, id, "LAST_SESSION", last, 62, 3, 64);
        record(providerId, id, 12, register.get(11));

        awaitStatus(LEEDS_PRACTICE, id, "COMPLETED", Duration.ofSeconds(30));
        provider(providerId)
                .get("/referrals/" + id + "/course")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("COMPLETED"))
                .body("sessionsAttended", equalTo(10))
                .body("sessionsHeld", equalTo(12));
        String courseId = provider(providerId)
                .get("/referrals/" + id + "/course")
                .then()
                .extract()
                .path("courseId");

        // West Yorkshire's topic, read from outside: course started, 12 sessions, course ended, 6 measures.
        String topic = Topics.outcomes(WEST_YORKSHIRE);
        List<ConsumerRecord<String, byte[]>> course = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    course.clear();
                    E2E.readTopic(topic).stream()
                            .filter(r -> courseId.equals(r.key()))
                            .forEach(course::add);
                    assertThat(course).hasSize(1 + 12 + 1 + 6);
                });
        assertThat(course.stream().map(r -> header(r, "ce_type")).toList())
                .containsOnly(
                        EventType.OUTCOME_COURSE_STARTED.type(),
                        EventType.OUTCOME_SESSION_RECORDED.type(),
                        EventType.OUTCOME_COURSE_ENDED.type(),
                        EventType.OUTCOME_MEASURE_RECORDED.type());

        JsonNode ended = null;
        List<JsonNode> lastMeasures = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : course) {
            EventType type = EventType.ofType(header(record, "ce_type")).orElseThrow();
            assertThat(header(record, "ce_dataschema"))
                    .isEqualTo(type.dataSchema().toString());
            JsonNode data = JSON.readTree(record.value());
            Set<ValidationMessage> errors = schema(type).validate(data);
            assertThat(errors)
                    .as("%s against %s", type.type(), type.schemaResource())
                    .isEmpty();

            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(text)
                    .doesNotContain(NHS_NUMBER)
                    .doesNotContain("E2E Person")
                    .doesNotContain("1950-05-05");
            assertThat(text).doesNotContainIgnoringCase("LS6 2AB").doesNotContainIgnoringCase("LS62AB");
            assertThat(data.at("/episode/icb").asText()).isEqualTo(WEST_YORKSHIRE);
            assertThat(data.at("/episode/ageBand").asText()).isNotBlank();

            if (type == EventType.OUTCOME_COURSE_ENDED) {
                ended = data;
            } else if (type == EventType.OUTCOME_MEASURE_RECORDED
                    && "LAST_SESSION".equals(data.get("timepoint").asText())) {
                lastMeasures.add(data);
            }
        }
        assertThat(ended).isNotNull();
        assertThat(ended.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(ended.get("sessionsAttended").asInt()).isEqualTo(10);
        assertThat(ended.get("reduced").asBoolean()).isFalse();
        // KOOS-PS +22 and pain -4 reach their MCIDs (10 and 2); EQ VAS +4 falls short of its 5.
        assertThat(lastMeasures).hasSize(3);
        for (JsonNode measure : lastMeasures) {
            String instrument = measure.get("instrument").asText();
            boolean responder = measure.get("responder").asBoolean();
            switch (instrument) {
                case "KOOS_PS", "PAIN_NRS" ->
                    assertThat(responder).as(instrument).isTrue();
                case "EQ_VAS" -> assertThat(responder).as(instrument).isFalse();
                default -> throw new AssertionError("unexpected instrument " + instrument);
            }
        }
    }

    static void record(String providerId, String id, int session, String attendance) {
        provider(providerId)
                .contentType(ContentType.JSON)
                .body(Map.of("attendance", attendance))
                .put("/referrals/" + id + "/course/sessions/" + session)
                .then()
                .statusCode(200);
    }

    static void measures(String providerId, String id, String timepoint, LocalDate on, int... scores) {
        String[] instruments = {"KOOS_PS", "PAIN_NRS", "EQ_VAS"};
        for (int i = 0; i < instruments.length; i++) {
            provider(providerId)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "instrument",
                            instruments[i],
                            "timepoint",
                            timepoint,
                            "score",
                            scores[i],
                            "takenOn",
                            on.toString()))
                    .post("/referrals/" + id + "/course/measures")
                    .then()
                    .statusCode(200);
        }
    }

    static JsonSchema schema(EventType type) throws IOException {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }
}
