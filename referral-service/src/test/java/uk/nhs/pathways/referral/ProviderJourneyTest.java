package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.platform.outbox.OutboxEvent;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The provider's side: accept, ask the site directory for a place (playing the directory's part by
 * publishing its answers), cancel and book again; the referrer withdraws. All audited, all 4xx as
 * problem+json with nothing written.
 */
@QuarkusTest
class ProviderJourneyTest {

    static final String PROVIDER = SecurityMatrixTest.PROVIDER_ID;
    static final String PROVIDER_TOKEN = TestTokens.token("provider", PROVIDER);
    static final String FCP = TestTokens.token("referrer", SecurityMatrixTest.PRACTICE);

    static String classOnTheTopic(int capacity, int placesTaken) {
        return classOnTheTopic(capacity, placesTaken, 12, PROVIDER, List.of(Joint.KNEE), ClassStatus.SCHEDULED);
    }

    static String classOnTheTopic(
            int capacity, int placesTaken, int sessions, String provider, List<Joint> joints, ClassStatus status) {
        String id = "class-" + UUID.randomUUID();
        TestEvents.publish(
                EventType.CLASS_UPDATED,
                id,
                new ClassUpdated(
                        id,
                        SecurityMatrixTest.SITE,
                        provider,
                        joints,
                        LocalDate.now().plusDays(10),
                        List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                        LocalTime.of(18, 0),
                        sessions,
                        capacity,
                        placesTaken,
                        FacilitatorType.FITNESS_INSTRUCTOR,
                        status,
                        60));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(id)) != null);
        return id;
    }

    static void answer(String token, UUID id, Map<String, Object> answer, int status) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(answer)
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(status);
    }

    static void requestPlace(UUID id, String classId) {
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", classId))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202)
                .body("status", equalTo("BOOKING_REQUESTED"))
                .body("requestedClassId", equalTo(classId));
    }

    static void reserved(UUID id, int request, String classId) {
        TestEvents.publish(
                EventType.PLACE_RESERVED,
                id.toString(),
                new PlaceReserved(
                        id.toString(),
                        request,
                        classId,
                        SecurityMatrixTest.SITE,
                        PROVIDER,
                        12,
                        LocalDate.now().plusDays(10),
                        Instant.now()));
    }

    static void refused(UUID id, int request, String classId, PlaceRefusal reason) {
        TestEvents.publish(
                EventType.PLACE_REFUSED,
                id.toString(),
                new PlaceRefused(
                        id.toString(),
                        request,
                        List.of(new PlaceRefused.ClassRefusal(classId, reason)),
                        Instant.now()));
    }

    static CloudEvent last(List<CloudEvent> events, EventType type) {
        return events.stream()
                .filter(e -> e.getType().equals(type.type()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void anAcceptedReferralIsBookedWhenTheDirectoryReservesAPlaceForTheRequestInFlight() {
        String chosen = classOnTheTopic(8, 3);
        String other = classOnTheTopic(8, 0);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);

        answer(PROVIDER_TOKEN, id, Map.of("accept", true), 200);
        requestPlace(id, chosen);

        List<CloudEvent> events = Fixtures.events(id.toString(), 2);
        ReferralBookingRequested request = EventCodec.payload(
                last(events, EventType.REFERRAL_BOOKING_REQUESTED),
                EventType.REFERRAL_BOOKING_REQUESTED,
                ReferralBookingRequested.class);
        assertThat(request.requestNumber()).isEqualTo(1);
        assertThat(request.classIds().getFirst()).isEqualTo(chosen);
        assertThat(request.classIds()).contains(other).doesNotHaveDuplicates();
        assertThat(request.maxSessions()).isEqualTo(12);
        assertThat(request.providerId()).isEqualTo(PROVIDER);

        reserved(id, 0, other); // an answer to no request of this referral: changes nothing
        reserved(id, 1, other); // the directory placed the person in the provider's second choice
        Fixtures.awaitStatus(PROVIDER_TOKEN, id.toString(), "BOOKED");
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + id)
                .then()
                .body("classId", equalTo(other))
                .body("offer.classId", equalTo(other));
        ReferralBooked booked = EventCodec.payload(
                last(Fixtures.events(id.toString(), 3), EventType.REFERRAL_BOOKED),
                EventType.REFERRAL_BOOKED,
                ReferralBooked.class);
        assertThat(booked.classId()).isEqualTo(other);
        assertThat(booked.providerId()).isEqualTo(PROVIDER);

        reserved(id, 1, chosen); // a repeated answer: changes nothing
        refused(id, 1, chosen, PlaceRefusal.FULL);
        Fixtures.events(id.toString(), 3);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().auth()
                        .oauth2(PROVIDER_TOKEN)
                        .get("/referrals/" + id)
                        .then()
                        .body("status", equalTo("BOOKED"))
                        .body("classId", equalTo(other)));

        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .queryParam("referralId", id.toString())
                .get("/audit")
                .then()
                .statusCode(200)
                .body("detail", hasItem("accepted"))
                .body("detail", hasItem("place requested in class " + chosen))
                .body("detail", hasItem("booked into class " + other))
                .body("organisation", hasItem(PROVIDER));
    }

    @Test
    void aRefusedRequestGoesBackToAcceptedAndTheProviderChoosesAgain() {
        String first = classOnTheTopic(8, 3);
        String second = classOnTheTopic(8, 3);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED);
        requestPlace(id, first);
        refused(id, 1, first, PlaceRefusal.TOO_MANY_SESSIONS);
        Fixtures.awaitStatus(PROVIDER_TOKEN, id.toString(), "ACCEPTED");
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + id)
                .then()
                .body("statusReasonCode", equalTo("PLACE_REFUSED:TOO_MANY_SESSIONS"))
                .body("statusReason", containsString(first + " TOO_MANY_SESSIONS"));

        requestPlace(id, second);
        refused(id, 1, second, PlaceRefusal.OTHER_JOINT); // an answer to the earlier request: stale
        reserved(id, 2, second);
        Fixtures.awaitStatus(PROVIDER_TOKEN, id.toString(), "BOOKED");
        List<CloudEvent> events = Fixtures.events(id.toString(), 4);
        assertThat(events)
                .extracting(CloudEvent::getType)
                .containsExactly(
                        EventType.REFERRAL_BOOKING_REQUESTED.type(),
                        EventType.REFERRAL_ACCEPTED.type(),
                        EventType.REFERRAL_BOOKING_REQUESTED.type(),
                        EventType.REFERRAL_BOOKED.type());
    }

    @Test
    void aCancelledBookingCanBeBookedAgainIntoALaterClassAndTheReferrerCanWithdraw() {
        String later = classOnTheTopic(8, 0);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.BOOKED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "OTHER"))
                .post("/referrals/" + id + "/booking/cancellation")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "PERSON_UNABLE_TO_ATTEND", "reason", "in hospital until March"))
                .post("/referrals/" + id + "/booking/cancellation")
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKING_CANCELLED"))
                .body("classId", nullValue());
        requestPlace(id, later);
        reserved(id, 2, later);
        Fixtures.awaitStatus(PROVIDER_TOKEN, id.toString(), "BOOKED");

        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/referrals/" + id + "/withdrawal")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "moved away"))
                .post("/referrals/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .post("/referrals/" + id + "/withdrawal")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is WITHDRAWN and cannot become WITHDRAWN; it is final"));

        List<CloudEvent> events = Fixtures.events(id.toString(), 4);
        assertThat(events)
                .extracting(CloudEvent::getType)
                .containsExactly(
                        EventType.REFERRAL_BOOKING_CANCELLED.type(),
                        EventType.REFERRAL_BOOKING_REQUESTED.type(),
                        EventType.REFERRAL_BOOKED.type(),
                        EventType.REFERRAL_WITHDRAWN.type());
        ReferralStatusChanged cancelled = EventCodec.payload(
                events.getFirst(), EventType.REFERRAL_BOOKING_CANCELLED, ReferralStatusChanged.class);
        assertThat(cancelled.reasonCode()).isEqualTo("PERSON_UNABLE_TO_ATTEND");
        assertThat(cancelled.reason()).doesNotContain("hospital");
        assertThat(EventCodec.payload(events.getLast(), EventType.REFERRAL_WITHDRAWN, ReferralStatusChanged.class)
                        .status())
                .isEqualTo(ReferralStatus.WITHDRAWN);
    }

    @Test
    void declineNeedsACodeAndOtherNeedsWords() {
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "OTHER"))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reasonCode", "SOMETHING"))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        given().auth().oauth2(PROVIDER_TOKEN).get("/referrals/" + id).then().body("status", equalTo("OFFERED"));
    }

    @Test
    void aMoveTheLifecycleDoesNotAllowIsAConflictAndChangesNothing() {
        SecurityMatrixTest.aClassOfTheProvider();
        UUID offered = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", SecurityMatrixTest.CLASS))
                .post("/referrals/" + offered + "/booking")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("is OFFERED and cannot become BOOKING_REQUESTED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + offered)
                .then()
                .statusCode(200)
                .body("status", equalTo("OFFERED"))
                .body("bookingRequestNumber", equalTo(0));

        UUID booked = SecurityMatrixTest.referral(ReferralStatus.BOOKED);
        answer(PROVIDER_TOKEN, booked, Map.of("accept", true), 409);
        UUID accepted = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED);
        answer(PROVIDER_TOKEN, accepted, Map.of("accept", false, "reasonCode", "NO_CAPACITY"), 409);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "PERSON_REQUESTED"))
                .post("/referrals/" + accepted + "/booking/cancellation")
                .then()
                .statusCode(409)
                .body("detail", containsString("is ACCEPTED and cannot become BOOKING_CANCELLED"));
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/referrals/" + accepted + "/reroute")
                .then()
                .statusCode(409)
                .body("detail", containsString("is ACCEPTED and cannot become SUBMITTED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + accepted)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aClassThatCannotBeBookedIsRefusedNamingItAndNothingIsWritten() {
        String fullCourse = classOnTheTopic(8, 0);
        String reduced = classOnTheTopic(8, 0, 8, PROVIDER, List.of(Joint.KNEE), ClassStatus.SCHEDULED);
        String full = classOnTheTopic(6, 6);
        String othersClass = classOnTheTopic(8, 0, 8, "someone-else", List.of(Joint.KNEE), ClassStatus.SCHEDULED);
        String hipOnly = classOnTheTopic(8, 0, 8, PROVIDER, List.of(Joint.HIP), ClassStatus.SCHEDULED);
        String cancelled = classOnTheTopic(8, 0, 8, PROVIDER, List.of(Joint.KNEE), ClassStatus.CANCELLED);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED, 8);

        Map<String, Integer> refusals = Map.of(
                fullCourse, 409, full, 409, othersClass, 400, hipOnly, 400, cancelled, 400, "no-such-class", 400);
        refusals.forEach((classId, status) -> given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", classId))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("classId")));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", fullCourse))
                .post("/referrals/" + id + "/booking")
                .then()
                .body(
                        "detail",
                        equalTo("class " + fullCourse
                                + " has 12 sessions; the funding contract pays for at most 8 contacts per episode"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("bookingRequestNumber", equalTo(0))
                .body("contactsFunded", equalTo(8));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", id.toString())))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> AuditEvent.count("referralId = ?1 and action = ?2", id, AuditEvent.Action.UPDATE)))
                .isZero();

        requestPlace(id, reduced); // the same referral fits a reduced course within the cap
        ReferralBookingRequested request = EventCodec.payload(
                Fixtures.events(id.toString(), 1).getFirst(),
                EventType.REFERRAL_BOOKING_REQUESTED,
                ReferralBookingRequested.class);
        assertThat(request.maxSessions()).isEqualTo(8);
        assertThat(request.classIds()).first().isEqualTo(reduced);
        assertThat(request.classIds()).doesNotContain(fullCourse, full, othersClass, hipOnly, cancelled);
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth().oauth2(PROVIDER_TOKEN).get("/referrals/" + id).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("referralId", id)))
                .isEqualTo(1);
        answer(PROVIDER_TOKEN, id, Map.of("accept", true), 200); // a timeline entry to try to rewrite
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> AuditEvent.getEntityManager()
                                .createNativeQuery("delete from audit_event")
                                .executeUpdate()))
                .hasStackTraceContaining("audit_event is append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> AuditEvent.getEntityManager()
                                .createNativeQuery("update referral_timeline set note = 'rewritten'")
                                .executeUpdate()))
                .hasStackTraceContaining("referral_timeline is append-only");
    }
}
