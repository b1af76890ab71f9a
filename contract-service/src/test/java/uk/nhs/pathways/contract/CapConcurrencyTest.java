package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.funding.service.FundingCheck;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.testing.TestEvents;

/**
 * A volume cap of N funds exactly N referrals when proposals arrive at once, some of them twice (the same event
 * redelivered, or the same route told again under a new id). Mid and South Essex (QH8, practice F81006) is this
 * class's alone.
 */
@QuarkusTest
class CapConcurrencyTest {

    static final String ICB = "QH8";
    static final String PRACTICE = "F81006";
    static final String CONSUMER = "contract-service.funding-check";

    @Inject
    EventInbox inbox;

    @Inject
    FundingCheck check;

    @Test
    void parallelBatchesWithRedeliveriesFundExactlyTheCap() throws Exception {
        String provider = "prov-essex-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-cap5";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "maxEpisodesPerPeriod",
                        5,
                        "pricePerEpisodePence",
                        16_300));

        List<String> referrals = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String id = UUID.randomUUID().toString();
            referrals.add(id);
            events.add(TestEvents.event(
                    EventType.REFERRAL_SUBMITTED,
                    id,
                    Fixtures.submitted(id, PRACTICE, provider, "site-essex", 12, Instant.now())));
        }
        // Four batches that share events: each event twice or more, some routes again under a new event id.
        Random random = new Random(15);
        List<List<ConsumerRecord<String, byte[]>>> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<CloudEvent> batch = new ArrayList<>(events.subList(b * 6, b * 6 + 6));
            for (int k = 0; k < 6; k++) {
                batch.add(events.get(random.nextInt(events.size()))); // redelivered
            }
            String again = referrals.get(random.nextInt(referrals.size()));
            batch.add(TestEvents.event(
                    EventType.REFERRAL_SUBMITTED,
                    again,
                    Fixtures.submitted(again, PRACTICE, provider, "site-essex", 12, Instant.now())));
            Collections.shuffle(batch, random);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            for (int r = 0; r < batch.size(); r++) {
                records.add(TestEvents.record(Topics.REFERRALS, b % 3, 1_000_000L * (b + 1) + r, batch.get(r)));
            }
            batches.add(records);
        }
        EventHandlers handlers = EventHandlers.on(
                EventType.REFERRAL_SUBMITTED, ReferralSubmitted.class, s -> check.decide(Proposal.of(s)));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> batch : batches) {
            for (int twice = 0; twice < 2; twice++) { // each batch also delivered twice, in parallel
                running.add(pool.submit(() -> {
                    go.await();
                    inbox.process(CONSUMER, batch, handlers);
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        String ids = "'" + String.join("','", referrals) + "'";
        assertThat(Fixtures.count("select count(*) from funding_decision where referral_id in (" + ids + ")"))
                .isEqualTo(24); // every referral decided, once
        assertThat(Fixtures.count(
                        "select count(*) from funding_decision where funded and referral_id in (" + ids + ")"))
                .isEqualTo(5);
        assertThat(Fixtures.count(
                        "select episodes_committed from contract_period_usage where contract_id = ?1", contractId))
                .isEqualTo(5);
        assertThat(Fixtures.count(
                        "select pence_committed from contract_period_usage where contract_id = ?1", contractId))
                .isEqualTo(5 * 16_300);
        assertThat(Fixtures.count(
                        "select count(*) from outbox_event where type = ?1 and event_key in (" + ids + ")",
                        EventType.FUNDING_DECIDED.type()))
                .isEqualTo(24); // one funding.decided each
        assertThat(Fixtures.count("select count(*) from dead_letter where record_key in (" + ids + ")"))
                .isZero();
        String reason = "contract " + contractId + " has committed its cap of 5 episodes for ";
        assertThat(Fixtures.count(
                        "select count(*) from funding_decision where not funded and reasons like ?1 and referral_id in ("
                                + ids + ")",
                        reason + "%"))
                .isEqualTo(19);
    }

    @Test
    void throughKafkaACapOfThreeFundsThreeWhateverIsRedelivered() {
        String provider = "prov-essex-" + UUID.randomUUID().toString().substring(0, 6);
        register(ICB, contract(provider + "-cap3", ICB, "providerId", provider, "maxEpisodesPerPeriod", 3));
        List<String> referrals = new ArrayList<>();
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = UUID.randomUUID().toString();
            referrals.add(id);
            sent.add(TestEvents.publish(
                    EventType.REFERRAL_SUBMITTED,
                    id,
                    Fixtures.submitted(id, PRACTICE, provider, "site-k", 12, Instant.now())));
        }
        sent.subList(0, 4).forEach(e -> TestEvents.publish(Topics.REFERRALS, e)); // redelivered
        long funded = referrals.stream()
                .map(Fixtures::decision)
                .filter(FundingDecided::funded)
                .count();
        assertThat(funded).isEqualTo(3);
        String ids = "'" + String.join("','", referrals) + "'";
        assertThat(Fixtures.count(
                        "select count(*) from outbox_event where type = ?1 and event_key in (" + ids + ")",
                        EventType.FUNDING_DECIDED.type()))
                .isEqualTo(8);
    }
}
