package uk.nhs.pathways.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * The coverage of each commissioner and provider on the compacted coverage topic, read as a consumer
 * would. Kent and Medway (QKS, practice G82002) is this class's alone.
 */
@QuarkusTest
class CoverageTest {

    static final String KENT = "QKS";

    static String aProvider() {
        return "prov-kent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> contract(
            String id, String provider, List<String> joints, int cap, String from, String to) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id", id,
                "commissionerIcb", KENT,
                "model", "ACTIVITY",
                "maxContactsPerEpisode", cap,
                "pricePerEpisodePence", 16_300,
                "validFrom", from));
        if (provider != null) {
            body.put("providerId", provider);
        }
        if (joints != null) {
            body.put("joints", joints);
        }
        if (to != null) {
            body.put("validTo", to);
        }
        return body;
    }

    static void register(Map<String, Object> contract) {
        given().auth()
                .oauth2(TestTokens.token("commissioner", KENT))
                .contentType(ContentType.JSON)
                .body(contract)
                .post("/contracts")
                .then()
                .statusCode(201);
    }

    static void delete(String id) {
        given().auth()
                .oauth2(TestTokens.token("commissioner", KENT))
                .delete("/contracts/" + id)
                .then()
                .statusCode(204);
    }

    /** The coverage topic's records with this key, in order, once there are at least this many. */
    static List<ConsumerRecord<String, byte[]>> records(String key, int atLeast) {
        try (TopicReader reader = new TopicReader(Topics.FUNDING_COVERAGE)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> withKey(reader, key).size() >= atLeast);
            return withKey(reader, key);
        }
    }

    static List<ConsumerRecord<String, byte[]>> withKey(TopicReader reader, String key) {
        return reader.poll().stream().filter(r -> key.equals(r.key())).toList();
    }

    static FundingCoverage coverage(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(event.getSubject()).isEqualTo(record.key());
        return EventCodec.payload(event, EventType.FUNDING_COVERAGE_UPDATED, FundingCoverage.class);
    }

    @Test
    void aPairsCoverageIsPublishedInFullWithoutPricesOnEveryChangeAndATombstoneWhenNoneIsLeft() {
        String provider = aProvider();
        String key = KENT + "/" + provider;
        String first = provider + "-2026";
        String second = provider + "-2027";
        register(contract(first, provider, List.of("KNEE"), 12, "2026-04-01", "2027-03-31"));

        ConsumerRecord<String, byte[]> published = records(key, 1).getLast();
        assertThat(TopicReader.header(published, "ce_type")).isEqualTo("uk.nhs.pathways.funding.coverage-updated");
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContainIgnoringCase("price");
        FundingCoverage.Period kneeOnly = new FundingCoverage.Period(
                LocalDate.parse("2026-04-01"), LocalDate.parse("2027-03-31"), List.of(Joint.KNEE), 12);
        assertThat(coverage(published)).isEqualTo(new FundingCoverage(KENT, provider, List.of(kneeOnly)));

        register(contract(second, provider, null, 8, "2027-04-01", null));
        FundingCoverage.Period both =
                new FundingCoverage.Period(LocalDate.parse("2027-04-01"), null, List.of(Joint.KNEE, Joint.HIP), 8);
        assertThat(coverage(records(key, 2).getLast()))
                .isEqualTo(new FundingCoverage(KENT, provider, List.of(kneeOnly, both)));

        delete(first);
        assertThat(coverage(records(key, 3).getLast())).isEqualTo(new FundingCoverage(KENT, provider, List.of(both)));

        delete(second);
        ConsumerRecord<String, byte[]> tombstone = records(key, 4).getLast();
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.key()).isEqualTo(key);
    }

    @Test
    void anyQualifiedProviderIsTheStarKeyWithANullProvider() {
        String id = "kent-aqp-" + UUID.randomUUID().toString().substring(0, 8);
        register(contract(id, null, null, 12, "2026-04-01", null));
        FundingCoverage coverage = coverage(records(KENT + "/*", 1).getLast());
        assertThat(coverage.commissionerIcb()).isEqualTo(KENT);
        assertThat(coverage.providerId()).isNull();
        assertThat(coverage.periods()).isNotEmpty();
    }

    @Test
    void anAdminRepublishesEveryPairsCoverageForANewConsumer() {
        String provider = aProvider();
        String key = KENT + "/" + provider;
        register(contract(provider + "-c", provider, List.of("HIP"), 12, "2026-04-01", null));
        ConsumerRecord<String, byte[]> original = records(key, 1).getFirst();

        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .post("/admin/republish")
                .then()
                .statusCode(200)
                .body("coverages", greaterThanOrEqualTo(1));

        List<ConsumerRecord<String, byte[]>> both = records(key, 2);
        assertThat(coverage(both.get(1))).isEqualTo(coverage(original));
        assertThat(TopicReader.header(both.get(1), "ce_id")).isNotEqualTo(TopicReader.header(original, "ce_id"));
    }

    @Test
    void aContractThatFundedAReferralCannotBeDeleted() {
        String provider = aProvider();
        String id = provider + "-funds";
        register(contract(id, provider, null, 12, "2020-01-01", null));
        String referral = UUID.randomUUID().toString();
        TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                referral,
                new ReferralSubmitted(
                        referral,
                        "p-kent",
                        "G82002",
                        Joint.KNEE,
                        "site-k",
                        provider,
                        12,
                        100,
                        Instant.now(),
                        null,
                        1,
                        null));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.token("commissioner", KENT))
                        .get("/funding-decisions/" + referral)
                        .then()
                        .statusCode(200)
                        .body("contractId", equalTo(id)));

        given().auth()
                .oauth2(TestTokens.token("commissioner", KENT))
                .delete("/contracts/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.token("commissioner", KENT))
                .get("/contracts/" + id)
                .then()
                .statusCode(200)
                .body("joints", equalTo(List.of("KNEE", "HIP")));
        // Another ICB's commissioner does not learn it exists.
        given().auth()
                .oauth2(TestTokens.token("commissioner", "QWO"))
                .delete("/contracts/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void badJointsOrProviderIdsAreRefusedByNameAndNothingIsWritten() {
        String provider = aProvider();
        for (var bad : List.of(
                Map.entry("joints", contract(provider + "-none", provider, List.of(), 12, "2026-04-01", null)),
                Map.entry(
                        "joints[0]", contract(provider + "-elbow", provider, List.of("ELBOW"), 12, "2026-04-01", null)),
                Map.entry("providerId", contract(provider + "-slash", "a/b", null, 12, "2026-04-01", null)))) {
            given().auth()
                    .oauth2(TestTokens.token("commissioner", KENT))
                    .contentType(ContentType.JSON)
                    .body(bad.getValue())
                    .post("/contracts")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.getKey()));
            given().auth()
                    .oauth2(TestTokens.token("commissioner", KENT))
                    .get("/contracts/" + bad.getValue().get("id"))
                    .then()
                    .statusCode(404);
        }
    }
}
