package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/** Intake, routing to a class, funding decisions, redelivery, dead letters, idempotency, validation, scope. */
@QuarkusTest
class ReferralLifecycleTest {

    static final String PRACTICE = "B86030";
    static final String PROVIDER = "prov-leeds-msk";
    static final String SITE = "site-leeds-6";
    static final String CLASS = "class-leeds-6";
    static final String FCP = TestTokens.token("referrer", PRACTICE);

    @BeforeEach
    void aClassInLeedsIsInTheDirectory() {
        if (QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(CLASS)) == null) {
            Fixtures.site(SITE, PROVIDER, new Location(53.8201, -1.5709), Setting.COMMUNITY_CENTRE);
            Fixtures.cohort(CLASS, SITE, PROVIDER, LocalDate.now().plusDays(7), LocalTime.of(10, 0), 12, 500, 0);
        }
    }

    static Map<String, Object> referral(String nhsNumber, String postcode) {
        return Fixtures.referral(nhsNumber, postcode, Fixtures.KNEE_OA);
    }

    static String submit(String postcode) {
        return given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral(Fixtures.nhsNumber(), postcode))
                .post("/referrals")
                .then()
                .statusCode(201)
                .header("Location", containsString("/referrals/"))
                .extract()
                .path("id");
    }

    @Test
    void aReferralIsRoutedToAClassAndAnnouncedWithoutPersonalData() {
        String nhsNumber = Fixtures.nhsNumber();
        String id = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral(nhsNumber, "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("joint", equalTo("KNEE"))
                .body("reason.code", equalTo(Fixtures.KNEE_OA))
                .body("offer.classId", equalTo(CLASS))
                .body("ranking[0].classId", equalTo(CLASS))
                .extract()
                .path("id");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("routeNumber", equalTo(1))
                .body("offer.siteId", equalTo(SITE))
                .body("patient.nhsNumber", equalTo(nhsNumber));

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.poll().stream().anyMatch(r -> id.equals(r.key())));
            ConsumerRecord<String, byte[]> record = reader.poll().stream()
                    .filter(r -> id.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain(nhsNumber)
                    .doesNotContain("Test Person")
                    .doesNotContain("LS6 2AB");
            CloudEvent event = reader.events().stream()
                    .filter(e -> id.equals(e.getSubject()))
                    .findFirst()
                    .orElseThrow();
            ReferralSubmitted submitted =
                    EventCodec.payload(event, EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class);
            assertThat(submitted.classId()).isEqualTo(CLASS);
            assertThat(submitted.siteId()).isEqualTo(SITE);
            assertThat(submitted.providerId()).isEqualTo(PROVIDER);
            assertThat(submitted.routeNumber()).isEqualTo(1);
            assertThat(submitted.practiceOdsCode()).isEqualTo(PRACTICE);
            assertThat(submitted.patientPseudonym()).startsWith("p-").doesNotContain(nhsNumber);
            assertThat(submitted.sessions()).isEqualTo(12);
        }
    }

    @Test
    void aFundedReferralIsOfferedAndAnUnfundedOneNeedsAttention() {
        String funded = submit("LS6 2AB");
        String unfunded = submit("LS6 2AB");
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                funded,
                new FundingDecided(funded, true, "contract-1", 12, "QWO", List.of(), Instant.now(), 1, 1));
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                unfunded,
                new FundingDecided(
                        unfunded,
                        false,
                        null,
                        null,
                        "QWO",
                        List.of("contract C-9 allows at most 4 contacts per episode; the course has 12 sessions"),
                        Instant.now(),
                        0,
                        1)); // a decision from before decisions named their route: route 1

        Fixtures.awaitStatus(FCP, funded, "OFFERED");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + funded)
                .then()
                .body("fundingContractId", equalTo("contract-1"))
                .body("contactsFunded", equalTo(12))
                .body("answerDue", org.hamcrest.Matchers.notNullValue());
        Fixtures.awaitStatus(FCP, unfunded, "NEEDS_ATTENTION");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + unfunded)
                .then()
                .body("statusReasonCode", equalTo("NOT_FUNDED"))
                .body("statusReason", startsWith("Not funded: contract C-9 allows at most 4"));

        // The provider it was offered to sees it; another provider does not even learn it exists.
        given().auth()
                .oauth2(TestTokens.token("provider", PROVIDER))
                .get("/referrals/" + funded)
                .then()
                .statusCode(200)
                .body("patient.name", equalTo("Test Person"));
        given().auth()
                .oauth2(TestTokens.token("provider", "another-provider"))
                .get("/referrals/" + funded)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("provider", PROVIDER))
                .get("/referrals/" + unfunded)
                .then()
                .statusCode(404);

        CloudEvent offered = Fixtures.events(funded, 2).get(1);
        assertThat(offered.getType()).isEqualTo(EventType.REFERRAL_OFFERED.type());
        ReferralStatusChanged payload =
                EventCodec.payload(offered, EventType.REFERRAL_OFFERED, ReferralStatusChanged.class);
        assertThat(payload.providerId()).isEqualTo(PROVIDER);
        assertThat(payload.reasonCode()).isEqualTo("FUNDED");
        CloudEvent needsAttention = Fixtures.events(unfunded, 2).get(1);
        assertThat(EventCodec.payload(needsAttention, EventType.REFERRAL_NEEDS_ATTENTION, ReferralStatusChanged.class)
                        .reasonCode())
                .isEqualTo("NOT_FUNDED");
    }

    @Test
    void aReferralHeldAsNotFundedIsOfferedWhenALaterRevisionFundsItsRoute() {
        String id = submit("LS6 2AB");
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(
                        id, false, null, null, "QWO", List.of("no contract covers provider x"), Instant.now(), 1, 1));
        Fixtures.awaitStatus(FCP, id, "NEEDS_ATTENTION");

        // The commissioner's new contract: contract-service decides the same route again, revision 2.
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(id, true, "contract-12", 12, "QWO", List.of(), Instant.now(), 1, 2));
        Fixtures.awaitStatus(FCP, id, "OFFERED");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .body("fundingContractId", equalTo("contract-12"))
                .body("statusReason", org.hamcrest.Matchers.containsString("re-decided"));
        CloudEvent offered = Fixtures.events(id, 3).get(2);
        assertThat(offered.getType()).isEqualTo(EventType.REFERRAL_OFFERED.type());

        // An older revision arriving late (or redelivered) changes nothing.
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(
                        id, false, null, null, "QWO", List.of("no contract covers provider x"), Instant.now(), 1, 1));
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(id, true, "contract-13", 12, "QWO", List.of(), Instant.now(), 1, 3));
        // revision 3 finds it offered, no longer waiting: the offer stays on contract-12
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("OFFERED"))
                        .body("fundingContractId", equalTo("contract-12")));
    }

    @Test
    void aRedeliveredDecisionIsAppliedOnce() {
        String id = submit("LS6 2AB");
        CloudEvent decision = TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(id, true, "contract-1", 12, "QWO", List.of(), Instant.now(), 1, 1));
        TestEvents.publish(Topics.FUNDING_DECISIONS, decision);
        Fixtures.awaitStatus(FCP, id, "OFFERED");
        await().atMost(Duration.ofSeconds(20)).until(() -> processedCount(decision.getId()) == 1);
        assertThat(Fixtures.events(id, 2).stream().filter(e -> e.getType().equals(EventType.REFERRAL_OFFERED.type())))
                .hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String id = submit("LS6 2AB");
        // Same key as the good decision after it, so both land on one partition, poison first.
        TopicReader.write(Topics.FUNDING_DECISIONS, id, "{not an event".getBytes(StandardCharsets.UTF_8), Map.of());
        TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(id, true, "contract-1", 12, "QWO", List.of(), Instant.now(), 1, 1));

        Fixtures.awaitStatus(FCP, id, "OFFERED");
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("referral-service"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream().anyMatch(r -> id.equals(r.key())));
            ConsumerRecord<String, byte[]> dead = dlq.poll().stream()
                    .filter(r -> id.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("not a CloudEvent");
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameReferral() {
        String key = UUID.randomUUID().toString();
        String nhsNumber = Fixtures.nhsNumber();
        String first = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral(nhsNumber, "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String spaced = nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
        String retry = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral(spaced, "ls6 2ab"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(retry).isEqualTo(first);
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral(nhsNumber, "LS7 1AA"))
                .post("/referrals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        // Another practice's key space is its own.
        String elsewhere = given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral(Fixtures.nhsNumber(), "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(elsewhere).isNotEqualTo(first);
    }

    @Test
    void noClassNearbyMeansNeedsAttentionStraightAwayWithACodedReason() {
        String id = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral(Fixtures.nhsNumber(), "TR21 0JQ"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReasonCode", equalTo("NO_CLASS_IN_RANGE"))
                .body("statusReason", startsWith("No ESCAPE-pain class for the knee starts between"))
                .body("offer", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("id");
        CloudEvent event = Fixtures.events(id, 1).getFirst();
        ReferralStatusChanged held =
                EventCodec.payload(event, EventType.REFERRAL_NEEDS_ATTENTION, ReferralStatusChanged.class);
        assertThat(held.reasonCode()).isEqualTo("NO_CLASS_IN_RANGE");
        assertThat(held.siteId()).isNull();
    }

    @Test
    void theReasonGivesTheJointAndAJointThatDisagreesIsRefused() {
        Map<String, Object> hip = new HashMap<>(Fixtures.referral(Fixtures.nhsNumber(), "LS6 2AB", "201835007"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(hip)
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("joint", equalTo(Joint.HIP.name()));
        Map<String, Object> disagrees = new HashMap<>(referral(Fixtures.nhsNumber(), "LS6 2AB"));
        disagrees.put("joint", "HIP");
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(disagrees)
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("joint"));
        Map<String, Object> agrees = new HashMap<>(referral(Fixtures.nhsNumber(), "LS6 2AB"));
        agrees.put("joint", "KNEE");
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(agrees)
                .post("/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void invalidReferralsGetProblemJsonNamingEachFieldAndNothingIsWritten() {
        long before = QuarkusTransaction.requiringNew()
                .call(() -> uk.nhs.pathways.referral.lifecycle.domain.Referral.count());
        expect400(referral("9434765918", "LS6 2AB"), "patient.nhsNumber");
        expect400(referral(Fixtures.nhsNumber(), "nowhere"), "patient.postcode");
        expect400(Fixtures.referral(Fixtures.nhsNumber(), "LS6 2AB", "396275006"), "reason.code");
        Map<String, Object> otherSystem = new HashMap<>(referral(Fixtures.nhsNumber(), "LS6 2AB"));
        otherSystem.put("reason", Map.of("system", "http://read.info/ctv3", "code", Fixtures.KNEE_OA));
        expect400(otherSystem, "reason.system");
        Map<String, Object> jointOnly = new HashMap<>(referral(Fixtures.nhsNumber(), "LS6 2AB"));
        jointOnly.remove("reason");
        jointOnly.put("joint", "KNEE");
        expect400(jointOnly, "reason");
        expect400(Map.of("joint", "ELBOW"), "joint");
        expect400(Map.of("reason", Map.of("system", "http://snomed.info/sct", "code", "239873007")), "patient");
        expect400(withPreferences(Map.of("settings", List.of())), "preferences.settings");
        expect400(withPreferences(Map.of("availability", List.of())), "preferences.availability");
        expect400(
                withPreferences(
                        Map.of("availability", List.of(Map.of("day", "MONDAY", "from", "12:00", "to", "09:00")))),
                "preferences.availability[0].to");
        expect400(withPreferences(Map.of("maxTravelMetres", 250_000)), "preferences.maxTravelMetres");
        expect400(withPreferences(Map.of("maxTravelKm", 0.1)), "preferences.maxTravelKm");
        expect400(withPreferences(Map.of("maxTravelKm", 5, "maxTravelMetres", 5000)), "preferences.maxTravelKm");
        expect400(withPreferences(Map.of("needs", List.of("A_LIFT"))), "preferences.needs[0]");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> uk.nhs.pathways.referral.lifecycle.domain.Referral.count()))
                .isEqualTo(before);
    }

    static Map<String, Object> withPreferences(Map<String, Object> preferences) {
        return Fixtures.referral(Fixtures.nhsNumber(), "LS6 2AB", Fixtures.KNEE_OA, preferences);
    }

    static void expect400(Object body, String field) {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void anotherPracticeCannotSeeAReferral() {
        String id = submit("LS6 2AB");
        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .get("/referrals/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .get("/referrals")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(FCP).get("/referrals").then().statusCode(200).body("id", hasItem(id));
        given().auth()
                .oauth2(TestTokens.token("analyst", "QWO"))
                .get("/referrals/" + id)
                .then()
                .statusCode(403);
        given().get("/referrals/" + id).then().statusCode(401);
    }

    static long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) DirectorySite.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = :id", Long.class)
                .setParameter("id", eventId)
                .getSingleResult());
    }
}
