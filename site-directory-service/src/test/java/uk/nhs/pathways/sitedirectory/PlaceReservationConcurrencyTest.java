package uk.nhs.pathways.sitedirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.PlaceRefusal;
import uk.nhs.pathways.events.PlaceRefused;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.sitedirectory.cohort.messaging.BookingEventsListener;
import uk.nhs.pathways.sitedirectory.cohort.service.Places;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * Four times more booking requests than places, all at once: published by parallel producers to the
 * service's consumer and, at the same moment, handed in batches to three more consumers of the same group
 * (as replicas get records again after a rebalance); some requests delivered twice with the same event
 * id, some referrals asking again with a new one. The class must end exactly full, every place with one
 * referral, every other referral refused as FULL, and the published class agreeing.
 */
@QuarkusTest
class PlaceReservationConcurrencyTest {

    static final String PROVIDER = "prov-race";
    static final int CAPACITY = 6;
    static final int REFERRALS = 4 * CAPACITY;
    static final int PRODUCERS = 4;
    static final int REPLICAS = 3;
    static final String CONSUMER = "site-directory-service.places";

    @Inject
    BookingEventsListener listener;

    @Inject
    EntityManager entityManager;

    @Inject
    Places places;

    @Test
    void manyMoreRequestsThanPlacesFromEverywhereAtOnceFillTheClassExactlyOnce() throws Exception {
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        String site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Race Community Centre", "S10 2HQ", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        String classId = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.MONDAY, 2), List.of("MONDAY", "WEDNESDAY"), CAPACITY));

        List<String> referrals = IntStream.range(0, REFERRALS)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        List<CloudEvent> requests = new ArrayList<>();
        Map<String, Integer> requestsPerReferral = new HashMap<>();
        for (int i = 0; i < REFERRALS; i++) {
            String referral = referrals.get(i);
            int times = i % 3 == 0 ? 2 : 1; // every third referral asks again, as a new event
            for (int n = 1; n <= times; n++) {
                requests.add(TestEvents.event(
                        EventType.REFERRAL_BOOKING_REQUESTED,
                        referral,
                        Bookings.request(referral, n, PROVIDER, Joint.KNEE, 12, classId)));
            }
            requestsPerReferral.put(referral, times);
        }
        List<CloudEvent> deliveries = new ArrayList<>(requests);
        for (int i = 0; i < requests.size(); i += 4) {
            deliveries.add(requests.get(i)); // delivered twice: the same event id
        }
        Collections.shuffle(deliveries, new Random(7));

        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS + REPLICAS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int p = 0; p < PRODUCERS; p++) {
                List<CloudEvent> share = new ArrayList<>();
                for (int i = p; i < deliveries.size(); i += PRODUCERS) {
                    share.add(deliveries.get(i));
                }
                work.add(pool.submit(() -> {
                    go.await();
                    share.forEach(event -> TestEvents.publish(Topics.REFERRALS, event));
                    return null;
                }));
            }
            for (int r = 0; r < REPLICAS; r++) {
                List<CloudEvent> mine = new ArrayList<>(deliveries);
                Collections.shuffle(mine, new Random(100 + r));
                long offset = 8_000_000_000L + r * 1_000_000L + System.nanoTime() % 100_000L;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int from = 0; from < mine.size(); from += 5) {
                        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                        for (CloudEvent event : mine.subList(from, Math.min(mine.size(), from + 5))) {
                            records.add(TestEvents.record(Topics.REFERRALS, 0, offset + records.size() + from, event));
                        }
                        listener.onReferrals(Bookings.batch(0, records, committed -> {}))
                                .toCompletableFuture()
                                .get(120, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> done : work) {
                done.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // Every request applied by one consumer or another, each exactly once, and answered once.
        List<String> requestIds = requests.stream().map(CloudEvent::getId).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(requestIds) == requests.size());
        assertThat(answersInOutbox(referrals)).isEqualTo(requests.size());

        assertThat(Bookings.placesTaken(classId)).isEqualTo(CAPACITY);
        assertThat(Bookings.held(entityManager, classId)).isEqualTo(CAPACITY);
        assertThat(reservationsPerReferral(classId))
                .as("reservations ever made in the class, per referral: one each, none given back")
                .hasSize(CAPACITY)
                .allSatisfy((referral, count) -> assertThat(count).isEqualTo(1));

        try (TopicReader places = new TopicReader(Topics.PLACES);
                TopicReader classes = new TopicReader(Topics.CLASSES)) {
            Map<String, List<CloudEvent>> answers = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                answers.clear();
                for (CloudEvent answer : places.events()) {
                    if (requestsPerReferral.containsKey(answer.getSubject())) {
                        answers.computeIfAbsent(answer.getSubject(), k -> new ArrayList<>())
                                .add(answer);
                    }
                }
                return answers.values().stream().mapToInt(List::size).sum() == requests.size();
            });
            Set<String> reserved = new HashSet<>();
            Set<String> refused = new HashSet<>();
            answers.forEach((referral, theirs) -> {
                assertThat(theirs).as("one answer per request").hasSize(requestsPerReferral.get(referral));
                for (CloudEvent answer : theirs) {
                    if (EventType.PLACE_RESERVED.type().equals(answer.getType())) {
                        assertThat(Bookings.reserved(answer).classId()).isEqualTo(classId);
                        reserved.add(referral);
                    } else {
                        assertThat(Bookings.refused(answer).refusals())
                                .containsExactly(new PlaceRefused.ClassRefusal(classId, PlaceRefusal.FULL));
                        refused.add(referral);
                    }
                }
            });
            assertThat(reserved).hasSize(CAPACITY);
            assertThat(refused).hasSize(REFERRALS - CAPACITY).doesNotContainAnyElementsOf(reserved);

            // the published class went up one place at a time, to exactly full
            List<Integer> expected = IntStream.rangeClosed(0, CAPACITY).boxed().toList();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Bookings.publishedPlacesTaken(classes, classId).size() >= expected.size());
            assertThat(Bookings.publishedPlacesTaken(classes, classId)).isEqualTo(expected);
        }
    }

    /**
     * Two requests of one referral in two transactions at once, the second while the first holds the class's
     * last place uncommitted: the second must wait for the first and answer with that place, not find the
     * class full (which would tell the referral service both "reserved" and "refused").
     */
    @Test
    void aReferralsSecondRequestWaitsForItsFirstAndGetsTheSamePlace() throws Exception {
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        String site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Race Community Hall", "S11 8YA", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        String classId = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 2), List.of("TUESDAY", "THURSDAY"), 4));
        for (int i = 0; i < 3; i++) {
            String other = UUID.randomUUID().toString();
            QuarkusTransaction.requiringNew()
                    .run(() -> places.requested(Bookings.request(other, 1, PROVIDER, Joint.KNEE, 12, classId)));
        }
        String referral = UUID.randomUUID().toString();
        CountDownLatch firstHoldsThePlace = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    places.requested(Bookings.request(referral, 1, PROVIDER, Joint.KNEE, 12, classId));
                    firstHoldsThePlace.countDown();
                    await().atMost(Duration.ofSeconds(60)).until(() -> letFirstCommit.getCount() == 0);
                });
                return null;
            });
            firstHoldsThePlace.await(60, TimeUnit.SECONDS);
            long waitingBefore = waitingOnLocks();
            Future<?> second = pool.submit(() -> {
                QuarkusTransaction.requiringNew()
                        .run(() -> places.requested(Bookings.request(referral, 2, PROVIDER, Joint.KNEE, 12, classId)));
                return null;
            });
            // the second is blocked on a lock the first holds (which one is the implementation's business)
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() > waitingBefore);
            letFirstCommit.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> answers = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select type || ' ' || coalesce(payload ->> 'classId', '-') from outbox_event"
                                        + " where topic = :t and event_key = :r order by seq",
                                String.class)
                        .setParameter("t", Topics.PLACES)
                        .setParameter("r", referral)
                        .getResultList());
        assertThat(answers)
                .containsExactly(
                        EventType.PLACE_RESERVED.type() + " " + classId,
                        EventType.PLACE_RESERVED.type() + " " + classId);
        assertThat(Bookings.placesTaken(classId)).isEqualTo(4);
        assertThat(reservationsPerReferral(classId)).hasSize(4).containsEntry(referral, 1L);
    }

    /** Sessions of this database waiting for a lock another holds. */
    long waitingOnLocks() {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery(
                        "select count(*) from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock'",
                        Long.class)
                .getSingleResult());
    }

    long processed(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery(
                        "select count(*) from processed_event where consumer = :c and event_id = any(:ids)", Long.class)
                .setParameter("c", CONSUMER)
                .setParameter("ids", eventIds.toArray(String[]::new))
                .getSingleResult());
    }

    long answersInOutbox(List<String> referrals) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) entityManager
                .createNativeQuery(
                        "select count(*) from outbox_event where topic = :t and event_key = any(:keys)", Long.class)
                .setParameter("t", Topics.PLACES)
                .setParameter("keys", referrals.toArray(String[]::new))
                .getSingleResult());
    }

    Map<String, Long> reservationsPerReferral(String classId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select referral_id, count(*) from place_reservation where class_id = :c"
                                        + " group by referral_id",
                                Object[].class)
                        .setParameter("c", classId)
                        .getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
