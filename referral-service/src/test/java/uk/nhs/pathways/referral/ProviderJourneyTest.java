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
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.outbox.OutboxEvent;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/** The provider's side: accept or decline an offered referral, book the person into a class; all audited. */
@QuarkusTest
class ProviderJourneyTest {

    static final String PROVIDER = SecurityMatrixTest.PROVIDER_ID;
    static final String PROVIDER_TOKEN = TestTokens.token("provider", PROVIDER);

    static String classOnTheTopic(int capacity, int placesTaken) {
        return classOnTheTopic(capacity, placesTaken, 12);
    }

    static String classOnTheTopic(int capacity, int placesTaken, int sessions) {
        String id = "class-" + UUID.randomUUID();
        TestEvents.publish(
                EventType.CLASS_UPDATED,
                id,
                new ClassUpdated(
                        id,
                        "site-matrix",
                        PROVIDER,
                        List.of(Joint.KNEE),
                        LocalDate.now().plusDays(10),
                        List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                        LocalTime.of(18, 0),
                        sessions,
                        capacity,
                        placesTaken,
                        FacilitatorType.FITNESS_INSTRUCTOR,
                        ClassStatus.SCHEDULED,
                        60));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(id)) != null);
        return id;
    }

    @Test
    void anAcceptedReferralIsBookedIntoAClassFromTheDirectoryAndAnnounced() {
        String cohort = classOnTheTopic(8, 3);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);

        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", cohort))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("classId", equalTo(cohort));

        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.events().stream()
                            .anyMatch(e -> id.toString().equals(e.getSubject())
                                    && e.getType().equals(EventType.REFERRAL_BOOKED.type())));
            CloudEvent booked = reader.events().stream()
                    .filter(e -> id.toString().equals(e.getSubject())
                            && e.getType().equals(EventType.REFERRAL_BOOKED.type()))
                    .findFirst()
                    .orElseThrow();
            ReferralBooked payload = EventCodec.payload(booked, EventType.REFERRAL_BOOKED, ReferralBooked.class);
            assertThat(payload.classId()).isEqualTo(cohort);
            assertThat(payload.providerId()).isEqualTo(PROVIDER);
        }

        // Every access to this referral's patient data is in the append-only audit log.
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .queryParam("referralId", id.toString())
                .get("/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("UPDATE"))
                .body("detail", hasItem("accepted"))
                .body("detail", hasItem("booked into class " + cohort))
                .body("organisation", hasItem(PROVIDER));
    }

    @Test
    void declineNeedsAReasonAndOnlyAnOfferedReferralCanBeAnswered() {
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reason", "No evening classes for 3 months"))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
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
                .body(
                        "detail",
                        equalTo("referral " + offered
                                + " is OFFERED and cannot become BOOKED; it can only become ACCEPTED or DECLINED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + offered)
                .then()
                .statusCode(200)
                .body("status", equalTo("OFFERED"))
                .body("classId", nullValue());

        UUID booked = SecurityMatrixTest.referral(ReferralStatus.BOOKED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + booked + "/response")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("referral " + booked + " is BOOKED and cannot become ACCEPTED; it is final"));

        UUID accepted = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", false, "reason", "changed our mind"))
                .post("/referrals/" + accepted + "/response")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("is ACCEPTED and cannot become DECLINED"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + accepted)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aClassWithMoreSessionsThanTheContractPaysForIsRefusedAndNothingIsWritten() {
        String fullCourse = classOnTheTopic(8, 0, 12);
        String reducedCourse = classOnTheTopic(8, 0, 8);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED, 8);

        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", fullCourse))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
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
                .body("classId", nullValue())
                .body("contactsFunded", equalTo(8));
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count(
                                "subject = ?1 and type = ?2", id.toString(), EventType.REFERRAL_BOOKED.type())))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> AuditEvent.count("referralId = ?1 and detail like ?2", id, "booked%")))
                .isZero();

        // The same referral fits a reduced course within the cap.
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", reducedCourse))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(200)
                .body("status", equalTo("BOOKED"))
                .body("classId", equalTo(reducedCourse));
        // ...and now the checks above see what a booking writes.
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.count(
                                "subject = ?1 and type = ?2", id.toString(), EventType.REFERRAL_BOOKED.type())))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> AuditEvent.count("referralId = ?1 and detail like ?2", id, "booked%")))
                .isEqualTo(1);
    }

    @Test
    void aFullClassAnotherProvidersClassAndAnUnknownClassCannotBeBooked() {
        String full = classOnTheTopic(6, 6);
        UUID id = SecurityMatrixTest.referral(ReferralStatus.ACCEPTED);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", full))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", "no-such-class"))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("classId"));
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("classId"));
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        UUID id = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth().oauth2(PROVIDER_TOKEN).get("/referrals/" + id).then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("referralId", id)))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> AuditEvent.getEntityManager()
                                .createNativeQuery("delete from audit_event")
                                .executeUpdate()))
                .hasStackTraceContaining("audit_event is append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> AuditEvent.getEntityManager()
                                .createNativeQuery("update audit_event set actor = 'someone else'")
                                .executeUpdate()))
                .hasStackTraceContaining("audit_event is append-only");
    }
}
