package uk.nhs.pathways.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

@QuarkusTest
class FundingCheckTest {

    // B86030 is a Leeds practice (West Yorkshire ICB, QWO); A81001 is in Teesside (QHM).
    static final String WEST_YORKSHIRE = "QWO";
    static final String NORTH_EAST = "QHM";

    static void contract(String id, String icb, String provider, int maxContacts) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id",
                id,
                "commissionerIcb",
                icb,
                "model",
                "BLOCK",
                "maxContactsPerEpisode",
                maxContacts,
                "validFrom",
                "2020-01-01"));
        if (provider != null) {
            body.put("providerId", provider);
        }
        given().auth()
                .oauth2(TestTokens.token("commissioner", icb))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/contracts")
                .then()
                .statusCode(anyOf(is(201), is(409)));
    }

    static FundingDecided decisionFor(String referralId) {
        try (TopicReader reader = new TopicReader(Topics.FUNDING_DECISIONS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.events().stream().anyMatch(e -> referralId.equals(e.getSubject())));
            CloudEvent event = reader.events().stream()
                    .filter(e -> referralId.equals(e.getSubject()))
                    .findFirst()
                    .orElseThrow();
            return EventCodec.payload(event, EventType.FUNDING_DECIDED, FundingDecided.class);
        }
    }

    static String refer(String practice, String provider, int sessions) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                id,
                new ReferralSubmitted(
                        id,
                        "p-test",
                        practice,
                        Joint.KNEE,
                        "site-1",
                        provider,
                        sessions,
                        1200,
                        Instant.now(),
                        null,
                        1,
                        null));
        return id;
    }

    @Test
    void aReferralCoveredByAContractIsFunded() {
        contract("wy-leeds-msk", WEST_YORKSHIRE, "prov-leeds", 12);
        String id = refer("B86030", "prov-leeds", 12);

        FundingDecided decision = decisionFor(id);
        assertThat(decision.funded()).isTrue();
        assertThat(decision.contractId()).isEqualTo("wy-leeds-msk");
        assertThat(decision.contactsFunded()).isEqualTo(12);
        assertThat(decision.commissionerIcb()).isEqualTo(WEST_YORKSHIRE);
        given().auth()
                .oauth2(TestTokens.token("commissioner", WEST_YORKSHIRE))
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(200)
                .body("funded", equalTo(true))
                .body("contactsFunded", equalTo(12));
        // Another ICB's commissioner does not learn the decision exists.
        given().auth()
                .oauth2(TestTokens.token("commissioner", NORTH_EAST))
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void aContactCapBelowTheCourseLengthIsNotFundedAndSaysWhy() {
        contract("ne-block-4", NORTH_EAST, null, 4);
        String id = refer("A81001", "prov-tees", 12);

        FundingDecided decision = decisionFor(id);
        assertThat(decision.funded()).isFalse();
        assertThat(decision.commissionerIcb()).isEqualTo(NORTH_EAST);
        assertThat(decision.contactsFunded()).isNull();
        assertThat(decision.reasons())
                .anySatisfy(
                        r -> assertThat(r)
                                .isEqualTo(
                                        "contract ne-block-4 allows at most 4 contacts per episode; the course at the site has 12 sessions"));
    }

    @Test
    void aReducedCourseWithinTheCapIsFunded() {
        contract("ne-block-8", NORTH_EAST, "prov-tees-short", 8);
        String id = refer("A81001", "prov-tees-short", 8);
        FundingDecided decision = decisionFor(id);
        assertThat(decision.contractId()).isEqualTo("ne-block-8");
        assertThat(decision.contactsFunded()).isEqualTo(8);
    }

    @Test
    void noContractForTheProviderOrAnUnknownPracticeIsNotFunded() {
        // N81001 is in Cheshire and Merseyside (QYG), which no test gives a contract.
        String noContract = refer("N81001", "prov-with-no-contract", 12);
        assertThat(decisionFor(noContract).reasons())
                .anySatisfy(r -> assertThat(r)
                        .startsWith("ICB QYG has no contract in force")
                        .endsWith("covers provider prov-with-no-contract"));

        String unknownPractice = refer("Z99999", "prov-leeds", 12);
        FundingDecided decision = decisionFor(unknownPractice);
        assertThat(decision.funded()).isFalse();
        assertThat(decision.commissionerIcb()).isNull();
        assertThat(decision.reasons())
                .anySatisfy(r -> assertThat(r).contains("Z99999 is not in the NHS practice reference data"));
    }

    @Test
    void contractsAreScopedToTheCommissionersIcb() {
        contract("wy-scope", WEST_YORKSHIRE, null, 12);
        given().auth()
                .oauth2(TestTokens.token("commissioner", WEST_YORKSHIRE))
                .get("/contracts")
                .then()
                .statusCode(200)
                .body("id", hasItem("wy-scope"));
        given().auth()
                .oauth2(TestTokens.token("commissioner", NORTH_EAST))
                .get("/contracts")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem("wy-scope")));
        given().auth()
                .oauth2(TestTokens.token("commissioner", NORTH_EAST))
                .get("/contracts/wy-scope")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("commissioner", NORTH_EAST))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "sneaky",
                        "commissionerIcb",
                        WEST_YORKSHIRE,
                        "model",
                        "BLOCK",
                        "maxContactsPerEpisode",
                        12,
                        "validFrom",
                        "2020-01-01"))
                .post("/contracts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.token("referrer", "B86030"))
                .get("/contracts")
                .then()
                .statusCode(403);
    }

    @Test
    void badContractsGetProblemJson() {
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "bad",
                        "commissionerIcb",
                        "nope",
                        "model",
                        "BLOCK",
                        "maxContactsPerEpisode",
                        0,
                        "validFrom",
                        "2020-01-01"))
                .post("/contracts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("commissionerIcb"))
                .body("errors.field", hasItem("maxContactsPerEpisode"));
    }
}
