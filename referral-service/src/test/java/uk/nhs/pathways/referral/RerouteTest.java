package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;

/**
 * Declines, refused places and re-routes, with four unfunded classes around Cambridge that rank by start
 * date: a, b, c, d. Each route's funding decision is played by publishing it.
 */
@QuarkusTest
class RerouteTest {

    static final String FCP = TestTokens.token("referrer", "B86030");
    static final LocalDate TODAY = England.today(java.time.Clock.systemUTC());

    @Inject
    Postcodes postcodes;

    @BeforeEach
    void fourClassesAroundCambridge() {
        if (QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById("cb-class-d")) != null) {
            return;
        }
        Location cambridge = postcodes.locate("CB2 1AA").orElseThrow();
        String[] letters = {"a", "b", "c", "d"};
        for (int i = 0; i < letters.length; i++) {
            String l = letters[i];
            Fixtures.site(
                    "cb-site-" + l,
                    "prov-cb-" + l,
                    Fixtures.offset(cambridge, 1_000 + 3_000 * i, 0),
                    Setting.COMMUNITY_CENTRE);
            Fixtures.cohort(
                    "cb-class-" + l,
                    "cb-site-" + l,
                    "prov-cb-" + l,
                    TODAY.plusDays(3 + i),
                    LocalTime.of(10, 0),
                    12,
                    10,
                    0);
        }
    }

    static String provider(String letter) {
        return TestTokens.token("provider", "prov-cb-" + letter);
    }

    static String refer() {
        return Fixtures.submit(FCP, Fixtures.referral(Fixtures.nhsNumber(), "CB2 1AA", Fixtures.KNEE_OA));
    }

    static void offered(String id, int route, String letter) {
        Fixtures.fund(id, route, true);
        Fixtures.awaitStatus(FCP, id, "OFFERED");
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .body("routeNumber", equalTo(route))
                .body("offer.classId", equalTo("cb-class-" + letter));
    }

    static void declineAs(String letter, String id) {
        given().auth()
                .oauth2(provider(letter))
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "NO_CAPACITY"))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
    }

    @Test
    void aDeclineMovesTheReferralOnToTheNextClassAndOnlyTheNewRoutesDecisionCounts() {
        String id = refer();
        offered(id, 1, "a");
        given().auth()
                .oauth2(provider("a"))
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "NO_CAPACITY"))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("routeNumber", equalTo(2))
                .body("offer.classId", equalTo("cb-class-b"));
        // The provider that declined no longer sees it; the next one does only once it is offered.
        given().auth().oauth2(provider("a")).get("/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(provider("b")).get("/referrals/" + id).then().statusCode(404);

        List<CloudEvent> events = Fixtures.events(id, 4);
        assertThat(events)
                .extracting(CloudEvent::getType)
                .containsExactly(
                        EventType.REFERRAL_SUBMITTED.type(),
                        EventType.REFERRAL_OFFERED.type(),
                        EventType.REFERRAL_DECLINED.type(),
                        EventType.REFERRAL_REROUTED.type());
        assertThat(events.get(2).getDataSchema()).isEqualTo(URI.create("urn:pathways:schema:referral.declined:v2"));
        ReferralStatusChanged declined =
                EventCodec.payload(events.get(2), EventType.REFERRAL_DECLINED, ReferralStatusChanged.class);
        assertThat(declined.reasonCode()).isEqualTo("NO_CAPACITY");
        assertThat(declined.providerId()).isEqualTo("prov-cb-a");
        ReferralRerouted rerouted =
                EventCodec.payload(events.get(3), EventType.REFERRAL_REROUTED, ReferralRerouted.class);
        assertThat(rerouted.cause()).isEqualTo(RerouteCause.DECLINED);
        assertThat(rerouted.routeNumber()).isEqualTo(2);
        assertThat(rerouted.classId()).isEqualTo("cb-class-b");
        assertThat(rerouted.providerId()).isEqualTo("prov-cb-b");
        assertThat(rerouted.sessions()).isEqualTo(12);

        // The first route's decision arrives late: it changes nothing. The second route's is applied.
        Fixtures.fund(id, 1, true);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("SUBMITTED")));
        offered(id, 2, "b");
        given().auth().oauth2(provider("b")).get("/referrals/" + id).then().statusCode(200);
    }

    @Test
    void afterTheConfiguredReroutesTheReferralGoesBackToTheReferrerWhoCanRouteItAgain() {
        String id = refer();
        offered(id, 1, "a");
        declineAs("a", id);
        offered(id, 2, "b");
        declineAs("b", id);
        offered(id, 3, "c");
        declineAs("c", id);
        offered(id, 4, "d");
        declineAs("d", id); // a fourth would be the fourth re-route; three are allowed
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReasonCode", equalTo("REROUTES_EXHAUSTED"))
                .body("routeNumber", equalTo(4));
        CloudEvent last = Fixtures.events(id, 13).getLast();
        assertThat(EventCodec.payload(last, EventType.REFERRAL_NEEDS_ATTENTION, ReferralStatusChanged.class)
                        .reasonCode())
                .isEqualTo("REROUTES_EXHAUSTED");

        // Every class that fits has been tried: routing again finds nothing and changes nothing.
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/referrals/" + id + "/reroute")
                .then()
                .statusCode(409)
                .body("detail", containsString("REROUTES_EXHAUSTED"));
        // With a wider travel limit a farther class fits: a new route, proposed afresh.
        Location cambridge = postcodes.locate("CB2 1AA").orElseThrow();
        Fixtures.site("cb-site-far", "prov-cb-far", Fixtures.offset(cambridge, -40_000, 0), Setting.LEISURE_CENTRE);
        Fixtures.cohort(
                "cb-class-far", "cb-site-far", "prov-cb-far", TODAY.plusDays(8), LocalTime.of(10, 0), 12, 10, 0);
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of("preferences", Map.of("maxTravelKm", 50)))
                .post("/referrals/" + id + "/reroute")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("routeNumber", equalTo(5))
                .body("offer.classId", equalTo("cb-class-far"))
                .body("preferences.maxTravelMetres", equalTo(50_000));
        CloudEvent again = Fixtures.events(id, 14).getLast();
        assertThat(again.getType()).isEqualTo(EventType.REFERRAL_SUBMITTED.type());
        offered(id, 5, "far");
    }

    @Test
    void whenTheDirectoryHasNoRoomWithTheProviderAtAllTheReferralMovesOn() {
        String id = refer();
        offered(id, 1, "a");
        given().auth()
                .oauth2(provider("a"))
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(provider("a"))
                .contentType(ContentType.JSON)
                .body(Map.of("classId", "cb-class-a"))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202);
        TestEvents.publish(
                EventType.PLACE_REFUSED,
                id,
                new PlaceRefused(
                        id, 1, List.of(new PlaceRefused.ClassRefusal("cb-class-a", PlaceRefusal.FULL)), Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(FCP)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("SUBMITTED"))
                        .body("routeNumber", equalTo(2))
                        .body("offer.classId", equalTo("cb-class-b")));
        ReferralRerouted rerouted = EventCodec.payload(
                Fixtures.events(id, 5).getLast(), EventType.REFERRAL_REROUTED, ReferralRerouted.class);
        assertThat(rerouted.cause()).isEqualTo(RerouteCause.PLACE_REFUSED);
    }
}
