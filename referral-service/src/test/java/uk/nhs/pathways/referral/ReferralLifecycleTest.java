package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

@QuarkusTest
class ReferralLifecycleTest {

    static final String PRACTICE = "B86030";
    static final String PROVIDER = "prov-leeds-msk";
    static final String SITE = "site-leeds-6";
    static final String FCP = TestTokens.token("referrer", PRACTICE);

    @BeforeEach
    void aSiteInLeedsIsInTheDirectory() {
        if (QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(SITE)) == null) {
            TestEvents.publish(
                    EventType.SITE_UPDATED,
                    SITE,
                    new SiteUpdated(
                            SITE,
                            "Headingley Community Centre",
                            PROVIDER,
                            "Leeds Community MSK",
                            ProviderType.NHS_TRUST,
                            Setting.COMMUNITY_CENTRE,
                            "LS6 3AA",
                            53.8201,
                            -1.5709,
                            List.of(Joint.KNEE, Joint.HIP),
                            12,
                            SiteStatus.ACTIVE,
                            java.util.List.of()));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(SITE)) != null);
        }
    }

    static Map<String, Object> referral(String nhsNumber, String postcode) {
        return Map.of(
                "patient",
                Map.of(
                        "nhsNumber",
                        nhsNumber,
                        "name",
                        "Test Person",
                        "dateOfBirth",
                        "1956-03-14",
                        "postcode",
                        postcode),
                "joint",
                "KNEE");
    }

    static String submit(String postcode) {
        return given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("9434765919", postcode))
                .post("/referrals")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/referrals/"))
                .extract()
                .path("id");
    }

    @Test
    void aReferralIsRoutedToTheNearestSiteAndAnnouncedWithoutPersonalData() {
        String id = submit("LS6 2AB");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("offer.siteId", equalTo(SITE))
                .body("patient.nhsNumber", equalTo("9434765919"));

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.poll().stream().anyMatch(r -> id.equals(r.key())));
            ConsumerRecord<String, byte[]> record = reader.poll().stream()
                    .filter(r -> id.equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(json)
                    .doesNotContain("9434765919")
                    .doesNotContain("Test Person")
                    .doesNotContain("LS6 2AB");
            CloudEvent event = reader.events().stream()
                    .filter(e -> id.equals(e.getSubject()))
                    .findFirst()
                    .orElseThrow();
            ReferralSubmitted submitted =
                    EventCodec.payload(event, EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class);
            assertThat(submitted.siteId()).isEqualTo(SITE);
            assertThat(submitted.practiceOdsCode()).isEqualTo(PRACTICE);
            assertThat(submitted.patientPseudonym()).startsWith("p-").doesNotContain("9434765919");
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
                        1,
                        1));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + funded)
                        .then()
                        .body("status", equalTo("OFFERED"))
                        .body("fundingContractId", equalTo("contract-1"))
                        .body("contactsFunded", equalTo(12)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + unfunded)
                        .then()
                        .body("status", equalTo("NEEDS_ATTENTION"))
                        .body("statusReason", startsWith("Not funded: contract C-9 allows at most 4")));

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

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.events().stream()
                            .anyMatch(e -> funded.equals(e.getSubject())
                                    && e.getType().equals(EventType.REFERRAL_OFFERED.type())));
            CloudEvent offered = reader.events().stream()
                    .filter(e -> funded.equals(e.getSubject()) && e.getType().equals(EventType.REFERRAL_OFFERED.type()))
                    .findFirst()
                    .orElseThrow();
            assertThat(EventCodec.payload(offered, EventType.REFERRAL_OFFERED, ReferralStatusChanged.class)
                            .providerId())
                    .isEqualTo(PROVIDER);
        }
    }

    @Test
    void aRedeliveredDecisionIsAppliedOnce() {
        String id = submit("LS6 2AB");
        CloudEvent decision = TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                new FundingDecided(id, true, "contract-1", 12, "QWO", List.of(), Instant.now(), 1, 1));
        TestEvents.publish(Topics.FUNDING_DECISIONS, decision);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("OFFERED")));
        await().atMost(Duration.ofSeconds(20)).until(() -> processedCount(decision.getId()) == 1);

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.events().stream()
                            .anyMatch(e -> id.equals(e.getSubject())
                                    && e.getType().equals(EventType.REFERRAL_OFFERED.type())));
            assertThat(reader.events().stream()
                            .filter(e ->
                                    id.equals(e.getSubject()) && e.getType().equals(EventType.REFERRAL_OFFERED.type())))
                    .hasSize(1);
        }
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

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("OFFERED")));
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
        String first = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral("9434765919", "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String retry = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral("943 476 5919", "ls6 2ab"))
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
                .body(referral("9434765919", "LS7 1AA"))
                .post("/referrals")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        // Another practice's key space is its own.
        String elsewhere = given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(referral("9434765919", "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(elsewhere).isNotEqualTo(first);
    }

    @Test
    void noSiteNearbyMeansNeedsAttentionStraightAway() {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("9434765919", "TR21 0JQ"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReason", startsWith("No active ESCAPE-pain site for the knee within 30 km"));
    }

    @Test
    void invalidReferralsGetProblemJsonNamingEachField() {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("9434765918", "LS6 2AB"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patient.nhsNumber"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("9434765919", "nowhere"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patient.postcode"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of("joint", "ELBOW"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("joint"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of("joint", "KNEE"))
                .post("/referrals")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("patient"));
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
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
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
