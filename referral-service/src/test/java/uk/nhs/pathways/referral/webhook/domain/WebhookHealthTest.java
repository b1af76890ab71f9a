package uk.nhs.pathways.referral.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.referral.webhook.domain.WebhookSubscription.Status;

/** Back-off, giving up, and a subscription's health from ACTIVE to FAILING to SUSPENDED and back. */
class WebhookHealthTest {

    static final RetryPolicy POLICY = new RetryPolicy(
            5, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(24));
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void backOffDoublesFromTheFirstWaitUpToTheLongest() {
        assertThat(POLICY.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(POLICY.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(POLICY.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(POLICY.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(POLICY.backoffAfter(64)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aDeliveryIsRetriedAfterTheBackOffAndGivenUpAfterTheLastAttempt() {
        WebhookDelivery delivery =
                WebhookDelivery.queue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "t", "{}", T0);
        OffsetDateTime now = T0;
        for (int attempt = 1; attempt < POLICY.maxAttempts(); attempt++) {
            delivery.claim(now, Duration.ofMinutes(1));
            assertThat(delivery.attempts).isEqualTo(attempt);
            assertThat(delivery.nextAttemptAt).isEqualTo(now.plusMinutes(1)); // the lease
            assertThat(delivery.failed("HTTP 503", now, POLICY)).isFalse();
            assertThat(delivery.state).isEqualTo(WebhookDelivery.State.PENDING);
            assertThat(delivery.nextAttemptAt).isEqualTo(now.plus(POLICY.backoffAfter(attempt)));
            now = delivery.nextAttemptAt;
        }
        delivery.claim(now, Duration.ofMinutes(1));
        assertThat(delivery.failed("timed out", now, POLICY)).isTrue();
        assertThat(delivery.state).isEqualTo(WebhookDelivery.State.GAVE_UP);
        assertThat(delivery.lastError).isEqualTo("timed out");
    }

    @Test
    void aSubscriptionFailingLongerThanTheThresholdsIsFailingThenSuspendedAndASuccessHealsIt() {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.status = Status.ACTIVE;

        assertThat(subscription.failed("HTTP 500", T0, POLICY)).isEmpty();
        assertThat(subscription.failingSince).isEqualTo(T0);
        assertThat(subscription.failed("HTTP 500", T0.plusMinutes(14), POLICY)).isEmpty();
        assertThat(subscription.status).isEqualTo(Status.ACTIVE);

        assertThat(subscription.failed("timed out", T0.plusMinutes(15), POLICY)).contains(Status.FAILING);
        assertThat(subscription.receives()).isTrue();
        assertThat(subscription.failed("timed out", T0.plusHours(2), POLICY)).isEmpty();

        assertThat(subscription.failed("timed out", T0.plusHours(24), POLICY)).contains(Status.SUSPENDED);
        assertThat(subscription.receives()).isFalse();
        assertThat(subscription.lastFailure).isEqualTo("timed out");
        assertThat(subscription.failingSince).isEqualTo(T0);

        assertThat(subscription.delivered(T0.plusHours(25))).contains(Status.SUSPENDED);
        assertThat(subscription.status).isEqualTo(Status.ACTIVE);
        assertThat(subscription.failingSince).isNull();
        assertThat(subscription.lastSuccessAt).isEqualTo(T0.plusHours(25));
        assertThat(subscription.delivered(T0.plusHours(26))).isEmpty();

        // Failing time counts from the first failure after the last success.
        assertThat(subscription.failed("HTTP 502", T0.plusHours(27), POLICY)).isEmpty();
        assertThat(subscription.status).isEqualTo(Status.ACTIVE);
    }
}
