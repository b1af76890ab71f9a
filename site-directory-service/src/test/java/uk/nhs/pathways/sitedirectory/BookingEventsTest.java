package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.nhs.pathways.sitedirectory.Bookings.answer;
import static uk.nhs.pathways.sitedirectory.Bookings.answers;
import static uk.nhs.pathways.sitedirectory.Bookings.placesTaken;
import static uk.nhs.pathways.sitedirectory.Bookings.requestPlace;
import static uk.nhs.pathways.sitedirectory.Bookings.reserved;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralBooked;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * Places taken are the places the directory reserved on the referral service's booking requests, each
 * answered on pathways.places.v1; referral.booked no longer counts.
 */
@QuarkusTest
class BookingEventsTest {

    static final String PROVIDER = "prov-bookings";

    @Inject
    EntityManager entityManager;

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

    @Test
    void eachRequestReservesOnePlaceOnceAndThePublishedClassSaysSo() {
        LocalDate start = Fixtures.next(DayOfWeek.TUESDAY, 1);
        String classId = Fixtures.addClass(Fixtures.cohort(site, start, List.of("TUESDAY", "THURSDAY"), 4));
        String etagBefore = Fixtures.etag("/classes/" + classId);
        String referral = UUID.randomUUID().toString();

        try (TopicReader places = new TopicReader(Topics.PLACES);
                TopicReader classes = new TopicReader(Topics.CLASSES)) {
            CloudEvent first = requestPlace(referral, 1, PROVIDER, classId);
            PlaceReserved place = reserved(answer(places, referral, 1));
            assertThat(place)
                    .usingRecursiveComparison()
                    .ignoringFields("reservedAt")
                    .isEqualTo(new PlaceReserved(referral, 1, classId, site, PROVIDER, 12, start, null));
            assertThat(placesTaken(classId)).isEqualTo(1);
            given().auth().oauth2(ADMIN).get("/classes/" + classId).then().body("freePlaces", equalTo(3));

            // On the referral's partition, in this order: the request redelivered (same event id), an event of
            // another type, a referral.booked (it follows the reservation: not counted again), the request
            // made again (a new event id). Only the last is answered, with the same place.
            TestEvents.publish(Topics.REFERRALS, first);
            CloudEvent other = TestEvents.publish(
                    EventType.REFERRAL_SUBMITTED,
                    referral,
                    new ReferralSubmitted(
                            referral,
                            "p-test",
                            "B86030",
                            Joint.KNEE,
                            site,
                            PROVIDER,
                            12,
                            0,
                            Instant.now(),
                            null,
                            1,
                            null));
            TestEvents.publish(
                    EventType.REFERRAL_BOOKED,
                    referral,
                    new ReferralBooked(referral, classId, site, PROVIDER, Instant.now()));
            requestPlace(referral, 2, PROVIDER, classId);
            PlaceReserved again = reserved(answer(places, referral, 2));
            assertThat(again.classId()).isEqualTo(classId);
            assertThat(again.reservedAt()).isEqualTo(place.reservedAt());

            String second = UUID.randomUUID().toString();
            requestPlace(second, 1, PROVIDER, classId);
            assertThat(reserved(answer(places, second, 1)).classId()).isEqualTo(classId);
            assertThat(placesTaken(classId)).isEqualTo(2);
            assertThat(Bookings.held(entityManager, classId)).isEqualTo(2);

            // every place taken is published as the class's full state, and nothing else changed it
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Bookings.publishedPlacesTaken(classes, classId).equals(List.of(0, 1, 2)));

            // A poison record after them, on the same partition: once it is dead-lettered, every record before
            // it was processed, so what did not happen (a third answer, the other type dead-lettered) means something.
            TopicReader.write(Topics.REFERRALS, referral, "marker".getBytes(), Map.of());
            try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> dlq.poll().stream()
                                .anyMatch(r -> referral.equals(r.key()) && "marker".equals(new String(r.value()))));
                assertThat(dlq.poll()).noneMatch(r -> other.getId().equals(TopicReader.header(r, "ce_id")));
            }
            assertThat(answers(places, referral)).hasSize(2);
            assertThat(placesTaken(classId)).isEqualTo(2);
            assertThat(Bookings.publishedPlacesTaken(classes, classId)).containsExactly(0, 1, 2);
        }
        // a provider's edit from before the reservations is refused: they changed the class
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etagBefore)
                .body(Fixtures.cohort(site, start, List.of("TUESDAY", "THURSDAY"), 6))
                .put("/classes/" + classId)
                .then()
                .statusCode(412);
    }

    @Test
    void aFullClassRefusesTheNextRequestAndItsCapacityCannotDropBelowThePlacesTaken() {
        var request = Fixtures.cohort(site, Fixtures.next(DayOfWeek.MONDAY, 2), List.of("MONDAY", "WEDNESDAY"), 5);
        String classId = Fixtures.addClass(request);
        List<String> referrals = new ArrayList<>();
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            for (int i = 0; i < 6; i++) {
                String referral = UUID.randomUUID().toString();
                referrals.add(referral);
                requestPlace(referral, 1, PROVIDER, classId);
                // one after the other, so which one finds the class full is known
                answer(places, referral, 1);
            }
            for (String referral : referrals.subList(0, 5)) {
                assertThat(answers(places, referral))
                        .singleElement()
                        .extracting(CloudEvent::getType)
                        .isEqualTo(EventType.PLACE_RESERVED.type());
            }
            PlaceRefused refused = Bookings.refused(answer(places, referrals.get(5), 1));
            assertThat(refused.refusals()).containsExactly(new PlaceRefused.ClassRefusal(classId, PlaceRefusal.FULL));
        }
        assertThat(placesTaken(classId)).isEqualTo(5);
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
        // a place more (capacity 6) is the refused referral's when it asks again
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/classes/" + classId))
                .body(ClassesTest.with(request, r -> r.put("capacity", 6)))
                .put("/classes/" + classId)
                .then()
                .statusCode(200);
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            requestPlace(referrals.get(5), 2, PROVIDER, classId);
            assertThat(reserved(answer(places, referrals.get(5), 2)).classId()).isEqualTo(classId);
        }
        assertThat(placesTaken(classId)).isEqualTo(6);
    }

    @Test
    void aRequestNamingNoClassIsDeadLettered() {
        String referral = UUID.randomUUID().toString();
        CloudEvent event = TestEvents.publish(
                EventType.REFERRAL_BOOKING_REQUESTED,
                referral,
                new ReferralBookingRequested(referral, 1, PROVIDER, Joint.KNEE, List.of(), 12, Instant.now()));
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            dlq.poll().stream().anyMatch(r -> event.getId().equals(TopicReader.header(r, "ce_id"))));
            var record = dlq.poll().stream()
                    .filter(r -> event.getId().equals(TopicReader.header(r, "ce_id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(record.key()).isEqualTo(referral);
            assertThat(TopicReader.header(record, "dead-letter-reason")).contains("names no class");
        }
    }
}
