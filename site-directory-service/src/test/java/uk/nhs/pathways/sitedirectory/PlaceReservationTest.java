package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.sitedirectory.Bookings.answer;
import static uk.nhs.pathways.sitedirectory.Bookings.answers;
import static uk.nhs.pathways.sitedirectory.Bookings.placesTaken;
import static uk.nhs.pathways.sitedirectory.Bookings.publishChange;
import static uk.nhs.pathways.sitedirectory.Bookings.publishedPlacesTaken;
import static uk.nhs.pathways.sitedirectory.Bookings.requestPlace;
import static uk.nhs.pathways.sitedirectory.Bookings.reserved;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * Each reason a class refuses a place, the classes tried in the order asked, and places given back when
 * a booking is cancelled or a referral withdrawn.
 */
@QuarkusTest
class PlaceReservationTest {

    static final String PROVIDER = "prov-places";
    static final String OTHER_PROVIDER = "prov-places-other";

    @Inject
    EntityManager entityManager;

    String site;

    @BeforeEach
    void sites() {
        Fixtures.provider(PROVIDER, "LEISURE_OPERATOR");
        Fixtures.provider(OTHER_PROVIDER, "LEISURE_OPERATOR");
        site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Places Leisure Centre", "LS6 3AA", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE"));
    }

    String aClass(int capacity) {
        return aClass(site, capacity, c -> {});
    }

    String aClass(String at, int capacity, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body =
                Fixtures.cohort(at, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), capacity);
        change.accept(body);
        return Fixtures.addClass(body);
    }

    /** Publishes one request and returns the directory's refusals, class by class. */
    List<PlaceRefused.ClassRefusal> refusals(String provider, Joint joint, int maxSessions, String... classIds) {
        String referral = UUID.randomUUID().toString();
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            TestEvents.publish(
                    EventType.REFERRAL_BOOKING_REQUESTED,
                    referral,
                    Bookings.request(referral, 1, provider, joint, maxSessions, classIds));
            CloudEvent answer = answer(places, referral, 1);
            assertThat(answer.getType()).isEqualTo(EventType.PLACE_REFUSED.type());
            return Bookings.refused(answer).refusals();
        }
    }

    static PlaceRefused.ClassRefusal refusal(String classId, PlaceRefusal reason) {
        return new PlaceRefused.ClassRefusal(classId, reason);
    }

    @Test
    void anUnknownClassIsRefusedNotDeadLettered() {
        assertThat(refusals(PROVIDER, Joint.KNEE, 12, "no-such-class"))
                .containsExactly(refusal("no-such-class", PlaceRefusal.UNKNOWN_CLASS));
    }

    @Test
    void anotherProvidersClassIsRefused() {
        String classId = aClass(8);
        assertThat(refusals(OTHER_PROVIDER, Joint.KNEE, 12, classId))
                .containsExactly(refusal(classId, PlaceRefusal.OTHER_PROVIDER));
        assertThat(placesTaken(classId)).isZero();
    }

    @Test
    void aClassForAnotherJointIsRefused() {
        String kneeOnly = aClass(8); // Fixtures.cohort: KNEE
        assertThat(refusals(PROVIDER, Joint.HIP, 12, kneeOnly))
                .containsExactly(refusal(kneeOnly, PlaceRefusal.OTHER_JOINT));
    }

    @Test
    void aClassThatIsNotScheduledIsRefused() {
        String cancelled = aClass(8);
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + cancelled))
                .post("/classes/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        assertThat(refusals(PROVIDER, Joint.KNEE, 12, cancelled))
                .containsExactly(refusal(cancelled, PlaceRefusal.NOT_OPEN));
        assertThat(placesTaken(cancelled)).isZero();
    }

    @Test
    void aClassWithMoreSessionsThanFundedIsRefused() {
        String twelve = aClass(8);
        String eight = aClass(site, 8, c -> {
            c.put("sessions", 8);
            c.put("days", List.of("TUESDAY", "THURSDAY"));
        });
        assertThat(refusals(PROVIDER, Joint.KNEE, 6, twelve, eight))
                .containsExactly(
                        refusal(twelve, PlaceRefusal.TOO_MANY_SESSIONS),
                        refusal(eight, PlaceRefusal.TOO_MANY_SESSIONS));
        // funded for 8 contacts: the 8-session class takes the person, the 12-session one does not
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            String referral = UUID.randomUUID().toString();
            TestEvents.publish(
                    EventType.REFERRAL_BOOKING_REQUESTED,
                    referral,
                    Bookings.request(referral, 1, PROVIDER, Joint.KNEE, 8, twelve, eight));
            assertThat(reserved(answer(places, referral, 1)).classId()).isEqualTo(eight);
        }
        assertThat(placesTaken(twelve)).isZero();
    }

    @Test
    void aFullClassIsRefused() {
        String full = aClass(4);
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            for (int i = 0; i < 4; i++) {
                String referral = UUID.randomUUID().toString();
                requestPlace(referral, 1, PROVIDER, full);
                answer(places, referral, 1);
            }
        }
        assertThat(placesTaken(full)).isEqualTo(4);
        assertThat(refusals(PROVIDER, Joint.KNEE, 12, full)).containsExactly(refusal(full, PlaceRefusal.FULL));
        assertThat(placesTaken(full)).isEqualTo(4);
    }

    @Test
    void theClassesAreTriedInTheOrderAskedAndThePlaceIsInTheFirstThatTakesThePerson() {
        String kneeOnly = aClass(8);
        String otherSite = Fixtures.addSite(Fixtures.site(
                OTHER_PROVIDER, "Elsewhere Leisure", "LS7 3AA", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE"));
        String othersClass = aClass(otherSite, 8, c -> c.put("programmes", List.of("HIP")));
        String first = aClass(site, 8, c -> c.put("programmes", List.of("HIP")));
        String second = aClass(site, 8, c -> c.put("programmes", List.of("KNEE", "HIP")));
        String referral = UUID.randomUUID().toString();
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            TestEvents.publish(
                    EventType.REFERRAL_BOOKING_REQUESTED,
                    referral,
                    Bookings.request(
                            referral, 1, PROVIDER, Joint.HIP, 12, "gone", kneeOnly, othersClass, first, second));
            assertThat(reserved(answer(places, referral, 1)).classId()).isEqualTo(first);
        }
        assertThat(List.of(placesTaken(kneeOnly), placesTaken(othersClass), placesTaken(first), placesTaken(second)))
                .containsExactly(0, 0, 1, 0);
    }

    @Test
    void aCancelledBookingOrAWithdrawnReferralGivesItsPlaceBackOnce() {
        String classId = aClass(4);
        String referral = UUID.randomUUID().toString();
        String neverBooked = UUID.randomUUID().toString();
        try (TopicReader places = new TopicReader(Topics.PLACES);
                TopicReader classes = new TopicReader(Topics.CLASSES)) {
            requestPlace(referral, 1, PROVIDER, classId);
            answer(places, referral, 1);
            assertThat(placesTaken(classId)).isEqualTo(1);

            CloudEvent cancelled =
                    publishChange(EventType.REFERRAL_BOOKING_CANCELLED, referral, ReferralStatus.BOOKING_CANCELLED);
            await().atMost(Duration.ofSeconds(20)).until(() -> placesTaken(classId) == 0);
            TestEvents.publish(Topics.REFERRALS, cancelled); // redelivered: nothing more to give back

            // booked again after the cancellation, then the referral is withdrawn (twice, as two events)
            requestPlace(referral, 2, PROVIDER, classId);
            assertThat(reserved(answer(places, referral, 2)).classId()).isEqualTo(classId);
            publishChange(EventType.REFERRAL_WITHDRAWN, referral, ReferralStatus.WITHDRAWN);
            publishChange(EventType.REFERRAL_WITHDRAWN, referral, ReferralStatus.WITHDRAWN);
            // releasing what was never held is fine too
            publishChange(EventType.REFERRAL_BOOKING_CANCELLED, neverBooked, ReferralStatus.BOOKING_CANCELLED);

            // a marker after them on the referral's partition: once dead-lettered, all of them were applied
            TopicReader.write(Topics.REFERRALS, referral, "release-marker".getBytes(), Map.of());
            try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> dlq.poll().stream()
                                .anyMatch(r ->
                                        referral.equals(r.key()) && "release-marker".equals(new String(r.value()))));
                assertThat(dlq.poll()).noneMatch(r -> neverBooked.equals(r.key()));
            }
            assertThat(placesTaken(classId)).isZero();
            assertThat(Bookings.releases(entityManager, referral)).containsExactly("BOOKING_CANCELLED", "WITHDRAWN");
            assertThat(Bookings.held(entityManager, classId)).isZero();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> publishedPlacesTaken(classes, classId).equals(List.of(0, 1, 0, 1, 0)));
            assertThat(answers(places, referral)).hasSize(2);
        }
    }

    @Test
    void aPlaceGivenBackGoesToTheNextPersonWhoAsks() {
        String classId = aClass(4);
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            List<String> booked = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String referral = UUID.randomUUID().toString();
                booked.add(referral);
                requestPlace(referral, 1, PROVIDER, classId);
                answer(places, referral, 1);
            }
            String waiting = UUID.randomUUID().toString();
            requestPlace(waiting, 1, PROVIDER, classId);
            assertThat(answer(places, waiting, 1).getType()).isEqualTo(EventType.PLACE_REFUSED.type());

            publishChange(EventType.REFERRAL_BOOKING_CANCELLED, booked.get(2), ReferralStatus.BOOKING_CANCELLED);
            await().atMost(Duration.ofSeconds(20)).until(() -> placesTaken(classId) == 3);
            requestPlace(waiting, 2, PROVIDER, classId);
            assertThat(reserved(answer(places, waiting, 2)).classId()).isEqualTo(classId);
        }
        assertThat(placesTaken(classId)).isEqualTo(4);
        assertThat(Bookings.held(entityManager, classId)).isEqualTo(4);
    }

    @Test
    void aRequestForAnotherClassMovesThePlaceOnlyOnceTheNewOneIsReserved() {
        String before = aClass(4);
        String after = aClass(4);
        String full = aClass(4);
        String referral = UUID.randomUUID().toString();
        try (TopicReader places = new TopicReader(Topics.PLACES)) {
            for (int i = 0; i < 4; i++) {
                String other = UUID.randomUUID().toString();
                requestPlace(other, 1, PROVIDER, full);
                answer(places, other, 1);
            }
            requestPlace(referral, 1, PROVIDER, before);
            answer(places, referral, 1);

            // nowhere to go: refused, and the place it holds stays its own
            requestPlace(referral, 2, PROVIDER, full);
            assertThat(Bookings.refused(answer(places, referral, 2)).refusals())
                    .containsExactly(refusal(full, PlaceRefusal.FULL));
            assertThat(placesTaken(before)).isEqualTo(1);

            requestPlace(referral, 3, PROVIDER, full, after);
            assertThat(reserved(answer(places, referral, 3)).classId()).isEqualTo(after);
        }
        assertThat(List.of(placesTaken(before), placesTaken(after))).containsExactly(0, 1);
        assertThat(Bookings.releases(entityManager, referral)).containsExactly("MOVED", "HELD");
    }
}
