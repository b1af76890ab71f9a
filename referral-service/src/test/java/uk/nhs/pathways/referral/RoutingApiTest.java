package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * Ranking through the API, the copies and the coverage topic: several classes around Exeter (where no
 * other test puts one) at known distances, dates, settings and funding; the decision is stored and shown.
 */
@QuarkusTest
class RoutingApiTest {

    static final String FCP = TestTokens.token("referrer", "B86030"); // West Yorkshire ICB, QWO

    @Inject
    Postcodes postcodes;

    static final LocalDate TODAY = England.today(java.time.Clock.systemUTC());

    @BeforeEach
    void classesAroundExeter() {
        if (QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById("ex-b1")) != null) {
            return;
        }
        Location exeter = postcodes.locate("EX1 1AA").orElseThrow();
        Fixtures.site(
                "ex-leisure-3km",
                "prov-ex-a",
                Fixtures.offset(exeter, 3_000, 0),
                Setting.LEISURE_CENTRE,
                AccessibilityFeature.STEP_FREE_ACCESS);
        Fixtures.site(
                "ex-full-2km",
                "prov-ex-e",
                Fixtures.offset(exeter, -2_000, 0),
                Setting.LEISURE_CENTRE,
                AccessibilityFeature.STEP_FREE_ACCESS);
        Fixtures.site("ex-community-6km", "prov-ex-b", Fixtures.offset(exeter, 0, 6_000), Setting.COMMUNITY_CENTRE);
        Fixtures.site(
                "ex-physio-12km",
                "prov-ex-c",
                Fixtures.offset(exeter, 0, -12_000),
                Setting.PHYSIOTHERAPY_DEPARTMENT,
                AccessibilityFeature.STEP_FREE_ACCESS);
        Fixtures.site("ex-far-40km", "prov-ex-d", Fixtures.offset(exeter, 40_000, 0), Setting.LEISURE_CENTRE);
        LocalTime ten = LocalTime.of(10, 0);
        Fixtures.cohort("ex-a1", "ex-leisure-3km", "prov-ex-a", TODAY.plusDays(5), ten, 12, 10, 2);
        Fixtures.cohort("ex-a2", "ex-leisure-3km", "prov-ex-a", TODAY.plusDays(12), LocalTime.of(18, 0), 12, 10, 2);
        Fixtures.cohort("ex-e1", "ex-full-2km", "prov-ex-e", TODAY.plusDays(3), ten, 12, 8, 8);
        Fixtures.cohort("ex-c1", "ex-physio-12km", "prov-ex-c", TODAY.plusDays(9), ten, 12, 10, 0);
        Fixtures.cohort("ex-c2", "ex-physio-12km", "prov-ex-c", TODAY.plusDays(30), ten, 12, 10, 0);
        Fixtures.cohort("ex-d1", "ex-far-40km", "prov-ex-d", TODAY.plusDays(2), ten, 12, 10, 0);
        Fixtures.cohort("ex-gone", "ex-leisure-3km", "prov-ex-a", TODAY.plusDays(1), ten, 12, 10, 0);
        Fixtures.cohort("ex-cancelled", "ex-leisure-3km", "prov-ex-a", TODAY.plusDays(2), ten, 12, 10, 0);
        Fixtures.cohort("ex-late", "ex-leisure-3km", "prov-ex-a", TODAY.plusWeeks(9), ten, 12, 10, 0);
        // The person's commissioner (QWO) covers providers b and c, for up to 12 contacts.
        Fixtures.coverage("QWO", "prov-ex-b", 12);
        Fixtures.coverage("QWO", "prov-ex-c", 12);
        // A class the directory cancelled, and one deleted (a tombstone): neither is offered.
        Fixtures.cohort(
                "ex-cancelled",
                "ex-leisure-3km",
                "prov-ex-a",
                TODAY.plusDays(2),
                ten,
                12,
                10,
                0,
                ClassStatus.CANCELLED);
        TopicReader.write(Topics.CLASSES, "ex-gone", null, Map.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById("ex-gone")) == null);
        Fixtures.cohort("ex-b1", "ex-community-6km", "prov-ex-b", TODAY.plusDays(9), ten, 12, 10, 0);
    }

    static ValidatableResponse refer(Map<String, Object> preferences) {
        return given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Fixtures.referral(Fixtures.nhsNumber(), "EX1 1AA", Fixtures.KNEE_OA, preferences))
                .post("/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void aClassThatFillsUpOrMovesIsRankedAsItIsNowNotAsItWasFirstSeen() {
        Location york = postcodes.locate("YO1 7HH").orElseThrow();
        Fixtures.site("yo-leisure-2km", "prov-yo-a", Fixtures.offset(york, 2_000, 0), Setting.LEISURE_CENTRE);
        LocalTime ten = LocalTime.of(10, 0);
        Fixtures.cohort("yo-1", "yo-leisure-2km", "prov-yo-a", TODAY.plusDays(4), ten, 12, 10, 0);
        Fixtures.cohort("yo-2", "yo-leisure-2km", "prov-yo-a", TODAY.plusDays(6), ten, 12, 10, 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById("yo-2")) != null);
        yorkReferral().body("ranking.classId", contains("yo-1", "yo-2"));

        // yo-1 fills up; yo-2 moves to start sooner than yo-1 did: the next ranking sees both changes.
        Fixtures.cohort("yo-1", "yo-leisure-2km", "prov-yo-a", TODAY.plusDays(4), ten, 12, 10, 10);
        Fixtures.cohort("yo-2", "yo-leisure-2km", "prov-yo-a", TODAY.plusDays(2), ten, 12, 10, 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    DirectoryClass moved = DirectoryClass.findById("yo-2");
                    DirectoryClass full = DirectoryClass.findById("yo-1");
                    return moved.startDate.equals(TODAY.plusDays(2)) && full.freePlaces() == 0;
                }));
        yorkReferral()
                .body("ranking.classId", contains("yo-2"))
                .body("ranking[0].startDate", equalTo(TODAY.plusDays(2).toString()));
    }

    static ValidatableResponse yorkReferral() {
        return given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Fixtures.referral(Fixtures.nhsNumber(), "YO1 7HH", Fixtures.KNEE_OA, null))
                .post("/referrals")
                .then()
                .statusCode(201);
    }

    @Test
    void fundedClassesRankFirstThenTheSoonestThenTheNearestAndTheDecisionIsKeptWithItsReasons() {
        String id = refer(null)
                .body("status", equalTo("SUBMITTED"))
                .body("commissionerIcb", equalTo("QWO"))
                .body("offer.classId", equalTo("ex-b1"))
                .body("offer.siteId", equalTo("ex-community-6km"))
                .body("offer.distanceMetres", allOf(greaterThan(5_990), lessThan(6_010)))
                .body("ranking.classId", contains("ex-b1", "ex-c1", "ex-c2", "ex-a1", "ex-a2"))
                .body("ranking.rank", contains(1, 2, 3, 4, 5))
                .body("ranking.funded", contains(true, true, true, false, false))
                .body("ranking[0].startDate", equalTo(TODAY.plusDays(9).toString()))
                .body("ranking[0].preferencesMet", contains("within 6 km (limit 30 km)"))
                .extract()
                .path("id");
        // The referrer sees the decision when it reads the referral again; the provider never does.
        given().auth()
                .oauth2(FCP)
                .get("/referrals/" + id)
                .then()
                .body("ranking.classId", contains("ex-b1", "ex-c1", "ex-c2", "ex-a1", "ex-a2"));

        ReferralSubmitted submitted = EventCodec.payload(
                Fixtures.events(id, 1).getFirst(), EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class);
        assertThat(submitted.classId()).isEqualTo("ex-b1");
        assertThat(submitted.siteId()).isEqualTo("ex-community-6km");
        assertThat(submitted.providerId()).isEqualTo("prov-ex-b");
        assertThat(submitted.sessions()).isEqualTo(12);
        assertThat(submitted.routeNumber()).isEqualTo(1);
    }

    @Test
    void preferencesAreHonouredAndSaidWhichWereMet() {
        refer(Map.of(
                        "settings",
                        List.of("LEISURE_CENTRE", "PHYSIOTHERAPY_DEPARTMENT"),
                        "availability",
                        List.of(
                                Map.of("day", "TUESDAY", "from", "09:00", "to", "12:00"),
                                Map.of("day", "THURSDAY", "from", "09:00", "to", "12:00")),
                        "needs",
                        List.of("STEP_FREE_ACCESS")))
                .body("offer.classId", equalTo("ex-c1"))
                .body("preferences.settings", hasItem("LEISURE_CENTRE"))
                .body("ranking.classId", contains("ex-c1", "ex-c2", "ex-a1"))
                .body(
                        "ranking[2].preferencesMet",
                        contains(
                                "within 3 km (limit 30 km)",
                                "setting LEISURE_CENTRE",
                                "times: TUESDAY 10:00-11:00 within TUESDAY 09:00-12:00; THURSDAY 10:00-11:00 within THURSDAY 09:00-12:00",
                                "needs: STEP_FREE_ACCESS"));
    }

    @Test
    void onlyUnfundedClassesFitSoTheBestOfThemIsProposed() {
        refer(Map.of("maxTravelKm", 4))
                .body("status", equalTo("SUBMITTED"))
                .body("offer.classId", equalTo("ex-a1"))
                .body("ranking.classId", contains("ex-a1", "ex-a2"))
                .body("ranking.funded", contains(false, false))
                .body("preferences.maxTravelMetres", equalTo(4_000));
    }

    @Test
    void whenNothingFitsTheReferralNeedsAttentionWithACodedReason() {
        refer(Map.of("maxTravelMetres", 2_500))
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReasonCode", equalTo("NO_CLASS_WITH_ROOM"))
                .body("statusReason", startsWith("1 class meets the person's preferences, but none has a free place"));
        refer(Map.of("needs", List.of("HEARING_LOOP")))
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReasonCode", equalTo("NO_CLASS_MEETS_PREFERENCES"));
        refer(Map.of("maxTravelMetres", 1_000))
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("statusReasonCode", equalTo("NO_CLASS_IN_RANGE"));
    }
}
