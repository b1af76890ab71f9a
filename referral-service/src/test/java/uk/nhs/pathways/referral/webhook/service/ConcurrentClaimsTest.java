package uk.nhs.pathways.referral.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;
import uk.nhs.pathways.referral.webhook.WebhookReceiver;
import uk.nhs.pathways.referral.webhook.WebhookTestSupport;
import uk.nhs.pathways.referral.webhook.domain.WebhookDelivery;

/**
 * Several dispatchers claiming the same queue at once, as replicas would: each delivery is claimed,
 * and so sent, exactly once (FOR UPDATE SKIP LOCKED and the claim's lease), not once per dispatcher.
 */
@QuarkusTest
class ConcurrentClaimsTest {

    @Inject
    Event<ReferralTransitioned> transitions;

    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void dispatchersRacingForTheSameDeliveriesSendEachOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String practice = WebhookTestSupport.newPractice();
            String subscription =
                    WebhookTestSupport.subscribe(practice, receiver.url()).id();
            int count = 40;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < count; i++) {
                    transitions.fire(new ReferralTransitioned(
                            UUID.randomUUID(),
                            practice,
                            "prov-webhooks",
                            null,
                            ReferralStatus.SUBMITTED,
                            null,
                            "referrer",
                            practice,
                            OffsetDateTime.now()));
                }
            });

            // Four dispatchers (besides the service's own) start claiming at the same moment.
            ExecutorService racers = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int r = 0; r < 4; r++) {
                    running.add(racers.submit(() -> {
                        start.await();
                        for (int round = 0; round < 10; round++) {
                            dispatcher.dispatchDue();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> racer : running) {
                    racer.get();
                }
            } finally {
                racers.shutdownNow();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> pending(subscription) == 0);

            Map<String, Long> timesReceived = receiver.calls().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Call::deliveryId, Collectors.counting()));
            assertThat(timesReceived).hasSize(count);
            assertThat(timesReceived.values()).containsOnly(1L);
            Map<UUID, Integer> attempts = QuarkusTransaction.requiringNew()
                    .call(() ->
                            WebhookDelivery.<WebhookDelivery>list("subscriptionId", UUID.fromString(subscription))
                                    .stream()
                                    .collect(Collectors.toMap(d -> d.id, d -> d.attempts)));
            assertThat(attempts.values()).containsOnly(1);
            assertThat(attempts.keySet().stream().map(UUID::toString).collect(Collectors.toSet()))
                    .isEqualTo(timesReceived.keySet());
        }
    }

    static long pending(String subscription) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.count(
                        "subscriptionId = ?1 and state = ?2",
                        UUID.fromString(subscription),
                        WebhookDelivery.State.PENDING));
    }
}
