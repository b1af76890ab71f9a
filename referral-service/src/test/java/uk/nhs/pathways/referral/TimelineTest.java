package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * The closed loop: every change on the referral's timeline, each seen by the webhooks' observer inside its
 * transaction; duplicates refused; and the people's own words never in an event.
 */
@QuarkusTest
class TimelineTest {

    static final String FCP = TestTokens.token("referrer", "B86030");
    static final String PROVIDER = TestTokens.token("provider", "prov-hr-a");

    @Inject
    Postcodes postcodes;

    @Test
    void everyChangeIsOnTheTimelineWithWhoAndWhyAndTheProviderSeesItFromItsOfferOn() {
        Location hereford = postcodes.locate("HR1 1AA").orElseThrow();
        Fixtures.site("hr-site-a", "prov-hr-a", Fixtures.offset(hereford, 1_000, 0), Setting.LEISURE_CENTRE);
        LocalDate start = England.today(java.time.Clock.systemUTC()).plusDays(5);
        Fixtures.cohort("hr-class-a", "hr-site-a", "prov-hr-a", start, LocalTime.of(10, 0), 12, 10, 0);
        String id = Fixtures.submit(FCP, Fixtures.referral(Fixtures.nhsNumber(), "HR1 1AA", Fixtures.KNEE_OA));
        given().auth()
                .oauth2(PROVIDER)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(404);

        Fixtures.fund(id, 1, true);
        Fixtures.awaitStatus(FCP, id, "OFFERED");
        given().auth()
                .oauth2(PROVIDER)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PROVIDER)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", "hr-class-a"))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202);
        TestEvents.publish(
                EventType.PLACE_RESERVED,
                id,
                new PlaceReserved(id, 1, "hr-class-a", "hr-site-a", "prov-hr-a", 12, start, Instant.now()));
        Fixtures.awaitStatus(FCP, id, "BOOKED");

        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("from", contains(null, "SUBMITTED", "OFFERED", "ACCEPTED", "BOOKING_REQUESTED"))
                .body("to", contains("SUBMITTED", "OFFERED", "ACCEPTED", "BOOKING_REQUESTED", "BOOKED"))
                .body("actorRole", contains("referrer", "system", "provider", "provider", "system"))
                .body(
                        "actorOrganisation",
                        contains("B86030", "contract-service", "prov-hr-a", "prov-hr-a", "site-directory-service"))
                .body("reasonCode", contains(null, "FUNDED", "ACCEPTED", "BOOKING_REQUESTED", "PLACE_RESERVED"))
                .body("classId", contains("hr-class-a", null, null, "hr-class-a", "hr-class-a"))
                .body("at[0]", org.hamcrest.Matchers.notNullValue());
        given().auth()
                .oauth2(PROVIDER)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("to", contains("OFFERED", "ACCEPTED", "BOOKING_REQUESTED", "BOOKED"));
        given().auth()
                .oauth2(TestTokens.token("provider", "another-provider"))
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .queryParam("referralId", id)
                .get("/audit")
                .then()
                .body("detail", hasItem("viewed timeline"));

        // The webhooks' event: every move, the first included, inside the transaction that made it.
        List<TransitionsSeen.Seen> seen = TransitionsSeen.of(id);
        assertThat(seen)
                .extracting(s -> s.event().to())
                .containsExactly(
                        ReferralStatus.SUBMITTED,
                        ReferralStatus.OFFERED,
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.BOOKING_REQUESTED,
                        ReferralStatus.BOOKED);
        assertThat(seen).allMatch(TransitionsSeen.Seen::inTransaction);
        assertThat(seen.getFirst().event().from()).isNull();
        assertThat(seen.getFirst().event().actorRole()).isEqualTo("referrer");
        assertThat(seen.get(1).event().providerId()).isEqualTo("prov-hr-a");
        assertThat(seen.get(1).event().reasonCode()).isEqualTo("FUNDED");
    }

    @Test
    void aSecondOpenReferralForThePersonAndJointIsRefusedUnlessMeantNamingTheFirstOnlyToItsPractice() {
        String nhsNumber = Fixtures.nhsNumber();
        String first = Fixtures.submit(FCP, Fixtures.referral(nhsNumber, "TR21 0JQ", Fixtures.KNEE_OA));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Fixtures.referral(nhsNumber, "TR21 0JQ", "450521003")) // another knee OA concept
                .post("/referrals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("referral " + first + " is already open"))
                .body("errors.field", hasItem("duplicateIntended"));
        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .contentType(ContentType.JSON)
                .body(Fixtures.referral(nhsNumber, "TR21 0JQ", Fixtures.KNEE_OA))
                .post("/referrals")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(first)))
                .body("detail", org.hamcrest.Matchers.containsString("another practice"));
        // The other joint is another referral; a second one for the knee is fine when meant.
        Fixtures.submit(FCP, Fixtures.referral(nhsNumber, "TR21 0JQ", Fixtures.HIP_OA));
        Map<String, Object> meant = new java.util.HashMap<>(Fixtures.referral(nhsNumber, "TR21 0JQ", Fixtures.KNEE_OA));
        meant.put("duplicateIntended", true);
        String second = given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(meant)
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("duplicateIntended", equalTo(true))
                .extract()
                .path("id");
        // Once both are withdrawn, a new referral for the knee is no duplicate.
        for (String id : List.of(first, second)) {
            given().auth()
                    .oauth2(FCP)
                    .contentType(ContentType.JSON)
                    .post("/referrals/" + id + "/withdrawal")
                    .then()
                    .statusCode(200);
        }
        Fixtures.submit(FCP, Fixtures.referral(nhsNumber, "TR21 0JQ", Fixtures.KNEE_OA));
    }

    @Test
    void thePeoplesOwnWordsStayHereShownToReferrerAndProviderAndNeverInAnEvent() {
        String declineNote = "declined-note-" + UUID.randomUUID();
        String cancelNote = "cancel-note-" + UUID.randomUUID();
        String withdrawNote = "withdraw-note-" + UUID.randomUUID();
        String provider = TestTokens.token("provider", SecurityMatrixTest.PROVIDER_ID);

        UUID offered = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth()
                .oauth2(provider)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "OTHER", "reason", declineNote))
                .post("/referrals/" + offered + "/response")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + offered + "/timeline")
                .then()
                .body("note", hasItem(declineNote))
                .body("reasonCode", hasItem("OTHER"));

        UUID booked = SecurityMatrixTest.referral(ReferralStatus.BOOKED);
        given().auth()
                .oauth2(provider)
                .contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "OTHER", "reason", cancelNote))
                .post("/referrals/" + booked + "/booking/cancellation")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", withdrawNote))
                .post("/referrals/" + booked + "/withdrawal")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(provider)
                .get("/referrals/" + booked + "/timeline")
                .then()
                .body("note", contains(cancelNote, withdrawNote))
                .body("to", contains("BOOKING_CANCELLED", "WITHDRAWN"))
                .body("reason[1]", equalTo("Withdrawn by the referrer"))
                .body("from[0]", equalTo("BOOKED"))
                .body("providerId[0]", equalTo(SecurityMatrixTest.PROVIDER_ID))
                .body("classId[1]", nullValue());

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.poll().stream()
                                    .filter(r -> r.key().equals(offered.toString())
                                            || r.key().equals(booked.toString()))
                                    .count()
                            >= 4);
            reader.poll()
                    .forEach(record -> assertThat(
                                    record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8))
                            .doesNotContain(declineNote)
                            .doesNotContain(cancelNote)
                            .doesNotContain(withdrawNote));
        }
    }
}
