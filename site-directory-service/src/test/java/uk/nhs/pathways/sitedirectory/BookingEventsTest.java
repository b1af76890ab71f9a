package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/** Places taken are kept current from the referral service's referral.booked events. */
@QuarkusTest
class BookingEventsTest {

    static final String PROVIDER = "prov-bookings";

    String site;

    @BeforeEach
    void aSite() {
        Fixtures.provider(PROVIDER, "NHS_TRUST");
        site = Fixtures.addSite(Fixtures.site(
                PROVIDER,
                "Scarborough Physiotherapy",
                "YO12 6QL",
                "PHYSIOTHERAPY_DEPARTMENT",
                List.of("KNEE", "HIP"),
                "ACTIVE"));
    }

    int placesTaken(String classId) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/classes/" + classId)
                .then()
                .statusCode(200)
                .extract()
                .path("placesTaken");
    }

    ReferralBooked booking(String referralId, String classId) {
        return new ReferralBooked(referralId, classId, site, PROVIDER, Instant.now());
    }

    @Test
    void eachBookingTakesOnePlaceOnceAndThePublishedClassSaysSo() {
        String classId = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 4));
        String etagBefore = Fixtures.etag("/classes/" + classId);
        String referral = UUID.randomUUID().toString();

        CloudEvent first = TestEvents.publish(EventType.REFERRAL_BOOKED, referral, booking(referral, classId));
        await().atMost(Duration.ofSeconds(20)).until(() -> placesTaken(classId) == 1);
        given().auth().oauth2(ADMIN).get("/classes/" + classId).then().body("freePlaces", equalTo(3));

        // Redelivered (same event id), then an event of another type, then a second booking: all on the
        // referral's partition, in that order. The redelivery changes nothing; the other type is passed over.
        TestEvents.publish(Topics.REFERRALS, first);
        CloudEvent other = TestEvents.publish(
                EventType.REFERRAL_SUBMITTED,
                referral,
                new ReferralSubmitted(
                        referral, "p-test", "B86030", Joint.KNEE, site, PROVIDER, 12, 0, Instant.now(), null, 1, null));
        TestEvents.publish(EventType.REFERRAL_BOOKED, referral, booking(referral, classId));
        await().atMost(Duration.ofSeconds(20)).until(() -> placesTaken(classId) >= 2);
        assertThat(placesTaken(classId)).isEqualTo(2);

        // every place taken is published as the class's full state
        try (TopicReader reader = new TopicReader(Topics.CLASSES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.events().stream()
                            .filter(e -> classId.equals(e.getSubject()))
                            .map(e -> EventCodec.payload(e, EventType.CLASS_UPDATED, ClassUpdated.class)
                                    .placesTaken())
                            .toList()
                            .equals(List.of(0, 1, 2)));
        }
        // a provider's edit from before the bookings is refused: the bookings changed the class
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etagBefore)
                .body(Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 6))
                .put("/classes/" + classId)
                .then()
                .statusCode(412);
        // A poison record after them, on the same partition: once it is dead-lettered, every record before
        // it was processed, so the absence of the other type from the dead-letter topic means something.
        TopicReader.write(Topics.REFERRALS, referral, "marker".getBytes(), Map.of());
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream()
                            .anyMatch(r -> referral.equals(r.key()) && "marker".equals(new String(r.value()))));
            assertThat(dlq.poll()).noneMatch(r -> other.getId().equals(TopicReader.header(r, "ce_id")));
        }
    }

    @Test
    void aBookingBeyondCapacityIsCountedAndCapacityCannotDropBelowIt() {
        var request = Fixtures.cohort(site, Fixtures.next(DayOfWeek.MONDAY, 2), List.of("MONDAY", "WEDNESDAY"), 4);
        String classId = Fixtures.addClass(request);
        for (int i = 0; i < 5; i++) {
            String referral = UUID.randomUUID().toString();
            TestEvents.publish(EventType.REFERRAL_BOOKED, referral, booking(referral, classId));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> placesTaken(classId) == 5);
        given().auth().oauth2(ADMIN).get("/classes/" + classId).then().body("freePlaces", equalTo(0));

        Map<String, Object> smaller = ClassesTest.with(request, r -> r.put("capacity", 4));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/classes/" + classId))
                .body(smaller)
                .put("/classes/" + classId)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("capacity"));
        // booked into: it can be cancelled, not deleted
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + classId))
                .delete("/classes/" + classId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aBookingForAClassTheDirectoryDoesNotHoldIsDeadLettered() {
        String referral = UUID.randomUUID().toString();
        CloudEvent event = TestEvents.publish(EventType.REFERRAL_BOOKED, referral, booking(referral, "no-such-class"));
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            dlq.poll().stream().anyMatch(r -> event.getId().equals(TopicReader.header(r, "ce_id"))));
            var record = dlq.poll().stream()
                    .filter(r -> event.getId().equals(TopicReader.header(r, "ce_id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(record.key()).isEqualTo(referral);
            assertThat(TopicReader.header(record, "dead-letter-reason")).contains("no-such-class");
        }
    }
}
