package uk.nhs.pathways.sitedirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.sitedirectory.cohort.messaging.BookingEventsListener;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * The platform's one consumer shape (EventInbox), driven with a batch of booking requests composed here so
 * the poison records sit exactly in the middle of it: the booking adapter is called as SmallRye would call it.
 */
@QuarkusTest
class BatchConsumptionTest {

    static final String PROVIDER = "prov-batches";
    /** A partition and offsets the real consumer never sees, so nothing else touches these positions. */
    static final int PARTITION = 0;

    static final long FIRST_OFFSET = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;

    @Inject
    BookingEventsListener listener;

    @Inject
    EntityManager entityManager;

    final List<Long> committed = new CopyOnWriteArrayList<>();

    @Test
    void aPoisonRecordMidBatchIsDeadLetteredTheOthersAppliedOnceAndThePartitionMovesOn() throws Exception {
        Fixtures.provider(PROVIDER, "LEISURE_OPERATOR");
        String site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Batch Leisure Centre", "LS6 3AA", "LEISURE_CENTRE", List.of("KNEE"), "ACTIVE"));
        String classId = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 8));

        CloudEvent first = bookingRequest(classId);
        CloudEvent second = bookingRequest(classId);
        CloudEvent noClass = bookingRequest();
        CloudEvent third = bookingRequest(classId);
        String otherReferral = UUID.randomUUID().toString();
        CloudEvent otherType = TestEvents.event(
                EventType.REFERRAL_SUBMITTED,
                otherReferral,
                new ReferralSubmitted(
                        otherReferral,
                        "p-x",
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
        long o = FIRST_OFFSET;
        List<ConsumerRecord<String, byte[]>> records = List.of(
                TestEvents.record(Topics.REFERRALS, PARTITION, o, first),
                TestEvents.record(Topics.REFERRALS, PARTITION, o + 1, second),
                TestEvents.rawRecord(
                        Topics.REFERRALS,
                        PARTITION,
                        o + 2,
                        "k-poison",
                        "not an event".getBytes(StandardCharsets.UTF_8)),
                TestEvents.record(Topics.REFERRALS, PARTITION, o + 3, noClass),
                TestEvents.record(Topics.REFERRALS, PARTITION, o + 4, first), // redelivered within the batch
                TestEvents.record(Topics.REFERRALS, PARTITION, o + 5, otherType),
                TestEvents.record(Topics.REFERRALS, PARTITION, o + 6, third));

        listener.onReferrals(Bookings.batch(PARTITION, records, committed::add))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);

        assertThat(Bookings.placesTaken(classId))
                .as("first, second and third, each once")
                .isEqualTo(3);
        assertThat(answeredReferrals()).containsExactlyInAnyOrder(referral(first), referral(second), referral(third));
        assertThat(committed)
                .as("the batch is acknowledged up to its last record")
                .contains(o + 6);
        assertThat(deadLetteredOffsets()).containsExactly(o + 2, o + 3);
        try (TopicReader dlq = new TopicReader(Topics.deadLetter("site-directory-service"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.poll().stream()
                                    .filter(r -> Long.toString(o + 2)
                                                    .equals(TopicReader.header(r, "dead-letter-offset"))
                                            || Long.toString(o + 3).equals(TopicReader.header(r, "dead-letter-offset")))
                                    .count()
                            == 2);
            ConsumerRecord<String, byte[]> poison = dlq.poll().stream()
                    .filter(r -> Long.toString(o + 2).equals(TopicReader.header(r, "dead-letter-offset")))
                    .findFirst()
                    .orElseThrow();
            assertThat(poison.key()).isEqualTo("k-poison");
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
            assertThat(TopicReader.header(poison, "dead-letter-reason")).contains("not a CloudEvent");
            ConsumerRecord<String, byte[]> withoutClass = dlq.poll().stream()
                    .filter(r -> noClass.getId().equals(TopicReader.header(r, "ce_id")))
                    .findFirst()
                    .orElseThrow();
            assertThat(TopicReader.header(withoutClass, "dead-letter-reason")).contains("names no class");
        }

        // The whole batch delivered again (the offsets were not committed before a crash): nothing changes.
        listener.onReferrals(Bookings.batch(PARTITION, records, committed::add))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(Bookings.placesTaken(classId)).isEqualTo(3);
        assertThat(answeredReferrals()).hasSize(3);
        assertThat(deadLetteredOffsets()).containsExactly(o + 2, o + 3);
    }

    /** A new referral's request for a place in the classes named. */
    static CloudEvent bookingRequest(String... classIds) {
        String referral = UUID.randomUUID().toString();
        return TestEvents.event(
                EventType.REFERRAL_BOOKING_REQUESTED,
                referral,
                Bookings.request(referral, 1, PROVIDER, Joint.KNEE, 12, classIds));
    }

    static String referral(CloudEvent request) {
        return request.getSubject();
    }

    /** Referrals given a place, from the answers the outbox holds: one per request applied. */
    List<String> answeredReferrals() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select event_key from outbox_event where type = :type and payload ->> 'providerId' = :provider",
                                String.class)
                        .setParameter("type", EventType.PLACE_RESERVED.type())
                        .setParameter("provider", PROVIDER)
                        .getResultList());
    }

    List<Long> deadLetteredOffsets() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("""
                        select kafka_offset from dead_letter where topic = :topic and kafka_partition = :partition
                        and kafka_offset >= :from order by kafka_offset""", Long.class)
                        .setParameter("topic", Topics.REFERRALS)
                        .setParameter("partition", PARTITION)
                        .setParameter("from", FIRST_OFFSET)
                        .getResultList());
    }
}
