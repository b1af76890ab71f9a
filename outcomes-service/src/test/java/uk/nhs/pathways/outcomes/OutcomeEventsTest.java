package uk.nhs.pathways.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.outcomes.Episodes.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.outcomes.directory.domain.SiteCopy;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * The outcome events each ICS reads: on the topic of the ICB of the person's practice only, keyed by the
 * course, with the analysis of each measure, pseudonymous; once per change, however often the input comes.
 */
@QuarkusTest
class OutcomeEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Ten digits in a row, with or without the usual spaces: the shape of an NHS number. */
    static final Pattern NHS_NUMBER_LIKE = Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");

    @Inject
    EntityManager entityManager;

    @Inject
    Practices practices;

    final LocalDate today = LocalDate.now();

    /** A site in Leeds (West Yorkshire), copied from the sites topic before its courses arrive. */
    String site(String provider, Setting setting) {
        String site = id("site");
        Episodes.site(site, provider, setting, 12, "LS6 2AB");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SiteCopy.findById(site) != null));
        return site;
    }

    static List<CloudEvent> about(TopicReader reader, String courseId) {
        return reader.events().stream()
                .filter(e -> courseId.equals(e.getSubject()))
                .toList();
    }

    static List<CloudEvent> of(List<CloudEvent> events, EventType type) {
        return events.stream().filter(e -> e.getType().equals(type.type())).toList();
    }

    static JsonNode json(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theIcsOfThePersonsPracticeGetsTheirCourseOnItsOwnTopicAndNothingPersonal() {
        String provider = "leisure-ev";
        String site = site(provider, Setting.LEISURE_CENTRE);
        String referral = id("ref");
        String course = id("course");
        String klass = id("class");
        LocalDate first = today.minusDays(30);
        Episodes.referred(referral, "B86030", site, provider, klass, 12, first.minusDays(25));
        Episodes.booked(referral, site, provider, klass, first.minusDays(10));
        Episodes.session(referral, course, klass, 1, first, Attendance.ATTENDED);
        Episodes.started(referral, course, site, provider, klass, 12, first);
        Episodes.measure(referral, course, Instrument.KOOS_PS, Timepoint.FIRST_SESSION, "50.0", first);
        Episodes.measure(referral, course, Instrument.PAIN_NRS, Timepoint.FIRST_SESSION, "7", first);
        Episodes.session(referral, course, klass, 2, first.plusDays(2), Attendance.ABSENT);
        Episodes.session(referral, course, klass, 3, first.plusDays(7), Attendance.SESSION_CANCELLED);
        Episodes.measure(referral, course, Instrument.KOOS_PS, Timepoint.LAST_SESSION, "61.4", today.minusDays(2));
        Episodes.measure(referral, course, Instrument.PAIN_NRS, Timepoint.LAST_SESSION, "6", today.minusDays(2));
        Episodes.ended(referral, course, CourseOutcome.COMPLETED, 12, 11, 10, today.minusDays(2));

        try (TopicReader westYorkshire = new TopicReader(Topics.outcomes("QWO"));
                TopicReader northEast = new TopicReader(Topics.outcomes("QHM"))) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(about(westYorkshire, course)).hasSize(9));
            List<CloudEvent> events = about(westYorkshire, course);
            assertThat(of(events, EventType.OUTCOME_COURSE_STARTED)).hasSize(1);
            assertThat(of(events, EventType.OUTCOME_SESSION_RECORDED)).hasSize(3);
            assertThat(of(events, EventType.OUTCOME_COURSE_ENDED)).hasSize(1);
            assertThat(of(events, EventType.OUTCOME_MEASURE_RECORDED)).hasSize(4);
            for (CloudEvent event : events) {
                assertThat(event.getDataSchema())
                        .hasToString(EventType.ofType(event.getType())
                                .orElseThrow()
                                .dataSchema()
                                .toString());
                assertThat(event.getSource()).hasToString("/pathways/outcomes-service");
            }
            // The records are keyed by the episode.
            assertThat(westYorkshire.poll().stream()
                            .filter(r -> course.equals(TopicReader.header(r, "ce_subject")))
                            .map(r -> r.key()))
                    .containsOnly(course);

            JsonNode started = json(of(events, EventType.OUTCOME_COURSE_STARTED).getFirst());
            JsonNode episode = started.get("episode");
            assertThat(episode.get("episodeId").asText()).isEqualTo(course);
            assertThat(episode.get("referralId").asText()).isEqualTo(referral);
            assertThat(episode.get("patientPseudonym").asText()).isEqualTo("p-" + referral);
            assertThat(episode.get("ageBand").asText()).isEqualTo("65-74");
            assertThat(episode.get("joint").asText()).isEqualTo("KNEE");
            assertThat(episode.get("practiceOdsCode").asText()).isEqualTo("B86030");
            assertThat(episode.get("pcnCode").asText())
                    .isEqualTo(practices.pcnOf("B86030").orElseThrow())
                    .startsWith("PCN-");
            assertThat(episode.get("providerId").asText()).isEqualTo(provider);
            assertThat(episode.get("siteId").asText()).isEqualTo(site);
            assertThat(episode.get("setting").asText()).isEqualTo("LEISURE_CENTRE");
            assertThat(episode.get("icb").asText()).isEqualTo("QWO");
            assertThat(started.get("sessionsPlanned").asInt()).isEqualTo(12);
            assertThat(started.get("reduced").asBoolean()).isFalse();
            assertThat(started.get("firstSessionOn").asText()).isEqualTo(first.toString());

            assertThat(of(events, EventType.OUTCOME_SESSION_RECORDED).stream()
                            .map(e -> json(e).get("attendance").asText()))
                    .containsExactly("ATTENDED", "ABSENT", "SESSION_CANCELLED");

            JsonNode ended = json(of(events, EventType.OUTCOME_COURSE_ENDED).getFirst());
            assertThat(ended.get("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(ended.get("sessionsHeld").asInt()).isEqualTo(11);
            assertThat(ended.get("sessionsAttended").asInt()).isEqualTo(10);

            Map<String, JsonNode> measures = new java.util.HashMap<>();
            of(events, EventType.OUTCOME_MEASURE_RECORDED).forEach(e -> {
                JsonNode m = json(e);
                measures.put(
                        m.get("instrument").asText() + "/" + m.get("timepoint").asText(), m);
            });
            JsonNode kneeBaseline = measures.get("KOOS_PS/FIRST_SESSION");
            assertThat(kneeBaseline.get("change").isNull()).isTrue();
            assertThat(kneeBaseline.get("responder").isNull()).isTrue();
            JsonNode kneeEnd = measures.get("KOOS_PS/LAST_SESSION");
            assertThat(kneeEnd.get("baseline").decimalValue()).isEqualByComparingTo("50.0");
            assertThat(kneeEnd.get("change").decimalValue()).isEqualByComparingTo("11.4");
            assertThat(kneeEnd.get("mcid").decimalValue()).isEqualByComparingTo("10");
            assertThat(kneeEnd.get("responder").asBoolean()).isTrue();
            JsonNode painEnd = measures.get("PAIN_NRS/LAST_SESSION");
            assertThat(painEnd.get("change").decimalValue())
                    .as("7 to 6: one point better")
                    .isEqualByComparingTo("1");
            assertThat(painEnd.get("mcid").decimalValue()).isEqualByComparingTo("2");
            assertThat(painEnd.get("responder").asBoolean()).isFalse();

            // Nothing in any of them could identify the person.
            for (CloudEvent event : events) {
                String text = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                assertThat(NHS_NUMBER_LIKE.matcher(text).find()).as(text).isFalse();
                assertThat(fieldNames(json(event)))
                        .noneMatch(name -> name.toLowerCase().contains("nhs")
                                || name.toLowerCase().contains("name")
                                || name.toLowerCase().contains("birth")
                                || name.toLowerCase().contains("dob")
                                || name.toLowerCase().contains("postcode"));
            }
            // Another ICS reads nothing of this person.
            assertThat(about(northEast, course)).isEmpty();
        }
    }

    @Test
    void redeliveryAndRepeatsPublishNothingNewButACorrectionIsPublished() {
        String provider = "leisure-ev";
        String site = site(provider, Setting.COMMUNITY_CENTRE);
        String referral = id("ref");
        String course = id("course");
        String klass = id("class");
        LocalDate first = today.minusDays(10);
        Episodes.referred(referral, "B86030", site, provider, klass, 12, first.minusDays(20));
        var register = TestEvents.publish(
                EventType.ATTENDANCE_RECORDED,
                referral,
                new AttendanceRecorded(referral, course, klass, 1, first, Attendance.ATTENDED, Episodes.at(first)));
        Episodes.started(referral, course, site, provider, klass, 12, first);
        var baseline = TestEvents.publish(
                EventType.MEASURE_RECORDED,
                referral,
                new uk.nhs.pathways.events.MeasureRecorded(
                        referral,
                        course,
                        Instrument.EQ_VAS,
                        Timepoint.FIRST_SESSION,
                        new java.math.BigDecimal("60"),
                        first,
                        Episodes.at(first)));
        try (TopicReader topic = new TopicReader(Topics.outcomes("QWO"))) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(about(topic, course)).hasSize(3));

            // The same events again (same ids: redelivery) and the same register entry and measure with new ids.
            TestEvents.publish(Topics.REFERRALS, register);
            TestEvents.publish(Topics.REFERRALS, baseline);
            Episodes.session(referral, course, klass, 1, first, Attendance.ATTENDED);
            Episodes.measure(referral, course, Instrument.EQ_VAS, Timepoint.FIRST_SESSION, "60.0", first);
            Episodes.started(referral, course, site, provider, klass, 12, first);
            // Then a real change on the same partition, after them: once it is out, so would they be.
            Episodes.session(referral, course, klass, 2, first.plusDays(2), Attendance.ABSENT_WITH_NOTICE);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(of(about(topic, course), EventType.OUTCOME_SESSION_RECORDED))
                            .hasSize(2));
            assertThat(about(topic, course)).hasSize(4);

            // A correction of the register is a change: published again.
            Episodes.session(referral, course, klass, 1, first, Attendance.ABSENT);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(about(topic, course)).hasSize(5));
            assertThat(json(about(topic, course).getLast()).get("attendance").asText())
                    .isEqualTo("ABSENT");
        }
        Number sessions = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("select count(*) from course_session where course_id = :id")
                .setParameter("id", course)
                .getSingleResult());
        assertThat(sessions.intValue()).isEqualTo(2);
    }

    @Test
    void aBaselineRecordedLateGivesTheEarlierMeasuresTheirChange() {
        String provider = "leisure-ev";
        String site = site(provider, Setting.LEISURE_CENTRE);
        String referral = id("ref");
        String course = id("course");
        String klass = id("class");
        LocalDate first = today.minusDays(50);
        Episodes.referred(referral, "B86030", site, provider, klass, 12, first.minusDays(20));
        Episodes.started(referral, course, site, provider, klass, 12, first);
        Episodes.measure(referral, course, Instrument.SWEMWBS, Timepoint.LAST_SESSION, "23.21", today.minusDays(5));
        try (TopicReader topic = new TopicReader(Topics.outcomes("QWO"))) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(of(about(topic, course), EventType.OUTCOME_MEASURE_RECORDED))
                            .hasSize(1));
            JsonNode unpaired = json(
                    of(about(topic, course), EventType.OUTCOME_MEASURE_RECORDED).getFirst());
            assertThat(unpaired.get("change").isNull()).as("missing is missing").isTrue();
            assertThat(unpaired.get("responder").isNull()).isTrue();

            Episodes.measure(referral, course, Instrument.SWEMWBS, Timepoint.FIRST_SESSION, "19.98", first);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(of(about(topic, course), EventType.OUTCOME_MEASURE_RECORDED))
                            .hasSize(3));
            JsonNode paired = json(
                    of(about(topic, course), EventType.OUTCOME_MEASURE_RECORDED).getLast());
            assertThat(paired.get("timepoint").asText()).isEqualTo("LAST_SESSION");
            assertThat(paired.get("change").decimalValue()).isEqualByComparingTo("3.23");
            assertThat(paired.get("responder").asBoolean()).isTrue();
        }
    }

    @Test
    void aScoreOffTheInstrumentsScaleIsDeadLetteredAndNothingIsPublished() {
        String provider = "leisure-ev";
        String site = site(provider, Setting.LEISURE_CENTRE);
        String referral = id("ref");
        String course = id("course");
        Episodes.referred(referral, "B86030", site, provider, "c", 12, today.minusDays(40));
        Episodes.started(referral, course, site, provider, "c", 12, today.minusDays(20));
        CloudEvent bad = TestEvents.publish(
                EventType.MEASURE_RECORDED,
                referral,
                new uk.nhs.pathways.events.MeasureRecorded(
                        referral,
                        course,
                        Instrument.PAIN_NRS,
                        Timepoint.FIRST_SESSION,
                        new java.math.BigDecimal("11"),
                        today.minusDays(20),
                        Episodes.at(today.minusDays(20))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<?> reasons = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager
                            .createNativeQuery("select reason from dead_letter where event_id = :id")
                            .setParameter("id", bad.getId())
                            .getResultList());
            assertThat(reasons).singleElement().asString().contains("PAIN_NRS").contains("range");
        });
        try (TopicReader topic = new TopicReader(Topics.outcomes("QWO"))) {
            assertThat(of(about(topic, course), EventType.OUTCOME_MEASURE_RECORDED))
                    .isEmpty();
            assertThat(of(about(topic, course), EventType.OUTCOME_COURSE_STARTED))
                    .hasSize(1);
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                names.add(field.getKey());
                names.addAll(fieldNames(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(child -> names.addAll(fieldNames(child)));
        }
        return names;
    }
}
