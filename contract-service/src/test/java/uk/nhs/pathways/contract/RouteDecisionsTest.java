package uk.nhs.pathways.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * A referral proposed again (re-routed to another class) is decided again, once per route, through
 * Kafka and the database. Greater Manchester (QOP, practice P82001) is this class's alone.
 */
@QuarkusTest
class RouteDecisionsTest {

    static final String GREATER_MANCHESTER = "QOP";
    static final String PRACTICE = "P82001";

    @BeforeEach
    void contracts() { // once Quarkus is up; registering again is a 409
        FundingCheckTest.contract("gm-capped-4", GREATER_MANCHESTER, "prov-gm-capped", 4);
        FundingCheckTest.contract("gm-full-12", GREATER_MANCHESTER, "prov-gm-full", 12);
    }

    static CloudEvent submit(String referralId, String provider, int routeNumber) {
        return TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                referralId,
                new ReferralSubmitted(
                        referralId,
                        "p-route",
                        PRACTICE,
                        Joint.HIP,
                        "site-" + provider,
                        provider,
                        12,
                        900,
                        Instant.now(),
                        "class-" + provider,
                        routeNumber,
                        null));
    }

    static CloudEvent reroute(String referralId, String provider, int routeNumber) {
        return TestEvents.publish(
                EventType.REFERRAL_REROUTED,
                referralId,
                new ReferralRerouted(
                        referralId,
                        "p-route",
                        PRACTICE,
                        Joint.HIP,
                        "class-" + provider + "-" + routeNumber,
                        "site-" + provider,
                        provider,
                        12,
                        2500,
                        routeNumber,
                        RerouteCause.DECLINED,
                        Instant.now()));
    }

    /** Every decision published for the referral, once one for this route is among them. */
    static List<FundingDecided> decisionsOnceRouteIsDecided(String referralId, int routeNumber) {
        try (TopicReader reader = new TopicReader(Topics.FUNDING_DECISIONS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> decisions(reader, referralId).stream().anyMatch(d -> d.routeNumber() == routeNumber));
            return decisions(reader, referralId);
        }
    }

    static List<FundingDecided> decisions(TopicReader reader, String referralId) {
        return reader.events().stream()
                .filter(e -> referralId.equals(e.getSubject()))
                .map(e -> EventCodec.payload(e, EventType.FUNDING_DECIDED, FundingDecided.class))
                .toList();
    }

    static FundingDecision stored(String referralId, int routeNumber) {
        return QuarkusTransaction.requiringNew()
                .call(() -> FundingDecision.of(referralId, routeNumber).orElse(null));
    }

    /** Records about the referral this service could not process (a duplicate decision would be one). */
    static long deadLetters(String referralId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Panache.getEntityManager()
                                .createNativeQuery("select count(*) from dead_letter where record_key = ?1")
                                .setParameter(1, referralId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aReRouteToAnotherProviderGetsItsOwnDecisionAndTheApiShowsTheLatest() {
        String id = UUID.randomUUID().toString();
        submit(id, "prov-gm-capped", 1);
        reroute(id, "prov-gm-full", 2);

        List<FundingDecided> decisions = decisionsOnceRouteIsDecided(id, 2);
        assertThat(decisions).extracting(FundingDecided::routeNumber).containsExactly(1, 2);
        assertThat(decisions.get(0).funded()).isFalse();
        assertThat(decisions.get(0).reasons())
                .containsExactly(
                        "contract gm-capped-4 allows at most 4 contacts per episode; the course at the site has 12 sessions");
        assertThat(decisions.get(1).funded()).isTrue();
        assertThat(decisions.get(1).contractId()).isEqualTo("gm-full-12");
        assertThat(decisions.get(1).commissionerIcb()).isEqualTo(GREATER_MANCHESTER);

        given().auth()
                .oauth2(TestTokens.token("commissioner", GREATER_MANCHESTER))
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(200)
                .body("routeNumber", equalTo(2))
                .body("funded", equalTo(true))
                .body("providerId", equalTo("prov-gm-full"))
                .body("classId", equalTo("class-prov-gm-full-2"))
                .body("joint", equalTo("HIP"));
        List<Integer> listed = given().auth()
                .oauth2(TestTokens.token("commissioner", GREATER_MANCHESTER))
                .queryParam("size", 500)
                .get("/funding-decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.referralId == '" + id + "' }.routeNumber", Integer.class);
        assertThat(listed).containsExactlyInAnyOrder(1, 2);
        given().auth()
                .oauth2(TestTokens.token("commissioner", "QWO"))
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void aRedeliveredReRouteIsNotDecidedTwice() {
        String id = UUID.randomUUID().toString();
        submit(id, "prov-gm-capped", 1);
        CloudEvent route2 = reroute(id, "prov-gm-full", 2);
        decisionsOnceRouteIsDecided(id, 2);

        TestEvents.publish(Topics.REFERRALS, route2); // the same event again (same id)
        reroute(id, "prov-gm-capped", 2); // the same route told again, differently, under a new id
        reroute(id, "prov-gm-capped", 3); // behind them on the referral's partition: once it is decided, they were read

        List<FundingDecided> decisions = decisionsOnceRouteIsDecided(id, 3);
        assertThat(decisions).extracting(FundingDecided::routeNumber).containsExactly(1, 2, 3);
        assertThat(decisions.get(1).contractId()).isEqualTo("gm-full-12");
        assertThat(stored(id, 2).providerId).isEqualTo("prov-gm-full");
        assertThat(stored(id, 2).funded).isTrue();
        assertThat(deadLetters(id)).isZero();
    }

    @Test
    void aStaleRouteChangesNothing() {
        String id = UUID.randomUUID().toString();
        submit(id, "prov-gm-capped", 1);
        reroute(id, "prov-gm-full", 3); // route 2's event is late
        decisionsOnceRouteIsDecided(id, 3);

        submit(id, "prov-gm-full", 1); // route 1 again, under a new id: already decided
        reroute(id, "prov-gm-full", 2); // route 2 after route 3 was decided: the referral has moved on
        reroute(id, "prov-gm-full", 4);

        List<FundingDecided> decisions = decisionsOnceRouteIsDecided(id, 4);
        assertThat(decisions).extracting(FundingDecided::routeNumber).containsExactly(1, 3, 4);
        assertThat(decisions.get(0).funded()).isFalse();
        assertThat(stored(id, 1).providerId).isEqualTo("prov-gm-capped");
        assertThat(stored(id, 1).funded).isFalse();
        assertThat(stored(id, 2)).isNull();
        assertThat(deadLetters(id)).isZero();
    }

    @Test
    void aSubmittedReferralFromBeforeRouteNumbersIsRouteOne() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> withoutRouteOrClass = Map.of(
                "referralId",
                id,
                "patientPseudonym",
                "p-route",
                "practiceOdsCode",
                PRACTICE,
                "joint",
                "KNEE",
                "siteId",
                "site-old",
                "providerId",
                "prov-gm-full",
                "sessions",
                12,
                "distanceMetres",
                900,
                "submittedAt",
                Instant.now().toString());
        TestEvents.publish(
                Topics.REFERRALS,
                EventCodec.envelope(
                        UUID.randomUUID(),
                        EventType.REFERRAL_SUBMITTED,
                        "/pathways/referral-service",
                        id,
                        OffsetDateTime.now(),
                        EventCodec.toJson(withoutRouteOrClass)));
        assertThat(decisionsOnceRouteIsDecided(id, 1))
                .singleElement()
                .satisfies(d -> assertThat(d.contractId()).isEqualTo("gm-full-12"));
        assertThat(stored(id, 1).funded).isTrue();
        assertThat(stored(id, 1).classId).isNull();
    }
}
