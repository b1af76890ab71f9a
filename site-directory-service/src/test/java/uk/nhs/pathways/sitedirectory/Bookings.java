package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.PlaceReserved;
import uk.nhs.pathways.events.ReferralBookingRequested;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/** Booking requests and releases as the referral service sends them, and the directory's answers. */
final class Bookings {

    private Bookings() {}

    static ReferralBookingRequested request(
            String referral, int number, String provider, Joint joint, int maxSessions, String... classIds) {
        return new ReferralBookingRequested(
                referral, number, provider, joint, Arrays.asList(classIds), maxSessions, Instant.now());
    }

    /** A request for a KNEE referral funded for the standard 12 sessions, published on the referrals topic. */
    static CloudEvent requestPlace(String referral, int number, String provider, String... classIds) {
        return TestEvents.publish(
                EventType.REFERRAL_BOOKING_REQUESTED,
                referral,
                request(referral, number, provider, Joint.KNEE, 12, classIds));
    }

    static CloudEvent publishChange(EventType type, String referral, ReferralStatus status) {
        return TestEvents.publish(
                type,
                referral,
                new ReferralStatusChanged(referral, status, null, null, "B86030", null, Instant.now(), null));
    }

    /** The directory's answers to a referral's requests, in the order published. */
    static List<CloudEvent> answers(TopicReader places, String referral) {
        return places.events().stream()
                .filter(e -> referral.equals(e.getSubject()))
                .toList();
    }

    /** Waits for the answer to one request of a referral. */
    static CloudEvent answer(TopicReader places, String referral, int requestNumber) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> answers(places, referral).stream()
                                .filter(e -> requestNumber(e) == requestNumber)
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    static int requestNumber(CloudEvent answer) {
        return EventType.PLACE_RESERVED.type().equals(answer.getType())
                ? reserved(answer).requestNumber()
                : refused(answer).requestNumber();
    }

    static PlaceReserved reserved(CloudEvent answer) {
        return EventCodec.payload(answer, EventType.PLACE_RESERVED, PlaceReserved.class);
    }

    static PlaceRefused refused(CloudEvent answer) {
        return EventCodec.payload(answer, EventType.PLACE_REFUSED, PlaceRefused.class);
    }

    static int placesTaken(String classId) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/classes/" + classId)
                .then()
                .statusCode(200)
                .extract()
                .path("placesTaken");
    }

    /** Places taken in every class.updated published for the class, in order. */
    static List<Integer> publishedPlacesTaken(TopicReader classes, String classId) {
        return classes.events().stream()
                .filter(e -> classId.equals(e.getSubject()))
                .map(e -> EventCodec.payload(e, EventType.CLASS_UPDATED, ClassUpdated.class)
                        .placesTaken())
                .toList();
    }

    /** Unreleased reservations of a class, read straight from the database. */
    static long held(EntityManager entityManager, String classId) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery(
                        "select count(*) from place_reservation where class_id = :c and released_at is null",
                        Long.class)
                .setParameter("c", classId)
                .getSingleResult());
    }

    /** Why a referral's reservations were released, oldest first (null while still held). */
    static List<String> releases(EntityManager entityManager, String referral) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select coalesce(released_because, 'HELD') from place_reservation"
                                        + " where referral_id = :r order by reserved_at, released_at",
                                String.class)
                        .setParameter("r", referral)
                        .getResultList());
    }

    /**
     * The batch SmallRye would hand the referrals adapter, its acknowledgements reported to
     * {@code committed}: how a test plays a consumer of its own, with a batch it composed.
     */
    static IncomingKafkaRecordBatch<String, byte[]> batch(
            int partition, List<ConsumerRecord<String, byte[]>> records, Consumer<Long> committed) {
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                committed.accept(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                throw new AssertionError("EventInbox must not nack: " + record.getOffset());
            }
        };
        return new IncomingKafkaRecordBatch<>(
                new ConsumerRecords<>(Map.of(new TopicPartition(Topics.REFERRALS, partition), records), Map.of()),
                "referrals",
                0,
                commits,
                failures,
                false,
                false);
    }
}
