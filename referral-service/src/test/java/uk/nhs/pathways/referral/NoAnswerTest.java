package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralRerouted;
import uk.nhs.pathways.events.RerouteCause;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.referral.lifecycle.service.NoAnswerCheck;
import uk.nhs.pathways.testing.TestTokens;

/**
 * An offer the provider does not answer within 5 working days (the default) moves on. The clock is put
 * just before Easter 2027, so Good Friday and Easter Monday (England's bank holidays) must not count.
 */
@QuarkusTest
class NoAnswerTest {

    static final String FCP = TestTokens.token("referrer", "B86030");

    @Inject
    Postcodes postcodes;

    @Inject
    NoAnswerCheck check;

    @AfterEach
    void backToTheSystemClock() {
        MovableClock.reset();
    }

    @Test
    void anUnansweredOfferMovesOnAfterFiveWorkingDaysNotCountingBankHolidays() {
        Location lincoln = postcodes.locate("LN1 1AA").orElseThrow();
        Fixtures.site("ln-site-a", "prov-ln-a", Fixtures.offset(lincoln, 1_000, 0), Setting.LEISURE_CENTRE);
        Fixtures.site("ln-site-b", "prov-ln-b", Fixtures.offset(lincoln, 2_000, 0), Setting.LEISURE_CENTRE);
        Fixtures.cohort(
                "ln-class-a", "ln-site-a", "prov-ln-a", LocalDate.of(2027, 4, 13), LocalTime.of(10, 0), 12, 10, 0);
        Fixtures.cohort(
                "ln-class-b", "ln-site-b", "prov-ln-b", LocalDate.of(2027, 4, 15), LocalTime.of(10, 0), 12, 10, 0);

        MovableClock.setTo(Instant.parse("2027-03-25T10:00:00Z")); // the Thursday before Good Friday
        String id = Fixtures.submit(FCP, Fixtures.referral(Fixtures.nhsNumber(), "LN1 1AA", Fixtures.KNEE_OA));
        Fixtures.fund(id, 1, true);
        Fixtures.awaitStatus(FCP, id, "OFFERED");
        // Fri 26 and Mon 29 March are bank holidays: the 5th working day is Monday 5 April.
        given().auth().oauth2(FCP).get("/referrals/" + id).then().body("answerDue", equalTo("2027-04-05"));

        for (String stillInTime : List.of("2027-04-01T16:00:00Z", "2027-04-02T09:00:00Z", "2027-04-05T16:00:00Z")) {
            MovableClock.setTo(Instant.parse(stillInTime));
            check.run();
            given().auth()
                    .oauth2(FCP)
                    .get("/referrals/" + id)
                    .then()
                    .body("status", equalTo("OFFERED"))
                    .body("offer.classId", equalTo("ln-class-a"));
        }

        MovableClock.setTo(Instant.parse("2027-04-06T08:00:00Z"));
        check.run();
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("routeNumber", equalTo(2))
                .body("offer.classId", equalTo("ln-class-b"));
        given().auth()
                .oauth2(TestTokens.token("provider", "prov-ln-a"))
                .get("/referrals/" + id)
                .then()
                .statusCode(404);
        List<CloudEvent> events = Fixtures.events(id, 3);
        ReferralRerouted rerouted =
                EventCodec.payload(events.get(2), EventType.REFERRAL_REROUTED, ReferralRerouted.class);
        assertThat(rerouted.cause()).isEqualTo(RerouteCause.NO_ANSWER);
        assertThat(rerouted.routeNumber()).isEqualTo(2);
        assertThat(rerouted.classId()).isEqualTo("ln-class-b");

        // Running the check again (or on another replica) changes nothing more.
        check.run();
        given().auth().oauth2(FCP).get("/referrals/" + id).then().body("routeNumber", equalTo(2));
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id + "/timeline")
                .then()
                .body("to", org.hamcrest.Matchers.contains("SUBMITTED", "OFFERED", "SUBMITTED"))
                .body("reasonCode[2]", equalTo("NO_ANSWER"))
                .body("actorOrganisation[2]", equalTo("referral-service"));
    }
}
