package uk.nhs.pathways.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "pathways.outbox")
public interface OutboxConfig {

    /** CloudEvent source of this service's events, e.g. /pathways/referral-service. */
    String source();

    /** Most events sent to Kafka in one relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Poll interval when nothing woke the relay. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Wait between attempts while the broker is unreachable. */
    @WithDefault("2s")
    Duration retryInterval();

    /** How long published events stay in the outbox (for inspection) before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** How long one batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("20s")
    Duration sendTimeout();
}
