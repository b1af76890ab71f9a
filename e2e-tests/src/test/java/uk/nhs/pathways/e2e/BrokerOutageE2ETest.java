package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.refer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.launcher.Platform;

/** Kafka goes away: referrals are still accepted (each written with its event), and all are decided after. */
@Order(8)
class BrokerOutageE2ETest {

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @Test
    void referralsAcceptedWhileKafkaIsDownAllReachADecisionWhenItReturns() throws Exception {
        Platform platform = E2E.platform();
        platform.broker().stop();
        assertThat(platform.broker().isRunning()).isFalse();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(refer(LEEDS_PRACTICE, "LS6 2AB")); // 201: written with its event, no broker needed
        }
        platform.broker().start(Duration.ofSeconds(60));
        for (String id : accepted) {
            awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(120));
        }
    }
}
