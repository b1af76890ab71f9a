package uk.nhs.pathways.referral.coverage.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;
import uk.nhs.pathways.referral.coverage.domain.FundingCoverageCopy;
import uk.nhs.pathways.referral.directory.domain.DirectoryRemoval;

/**
 * Kafka adapter for the contract service's compacted coverage topic: each record replaces the copy of its
 * commissioner and provider whole; a tombstone (no contract covers the pair any more) removes it.
 */
@ApplicationScoped
public class FundingCoverageListener {

    @Inject
    EventInbox inbox;

    @Inject
    Clock clock;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(EventType.FUNDING_COVERAGE_UPDATED, FundingCoverage.class, this::covered)
                .andTombstones(this::uncovered);
    }

    @Incoming("funding-coverage")
    @Blocking
    public CompletionStage<Void> onCoverage(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }

    /** In the inbox's transaction. */
    void covered(FundingCoverage coverage) {
        FundingCoverageCopy.getEntityManager().merge(FundingCoverageCopy.copyOf(coverage, OffsetDateTime.now(clock)));
    }

    void uncovered(String key) {
        FundingCoverageCopy.deleteById(key);
        DirectoryRemoval.of(DirectoryRemoval.Kind.COVERAGE, key).persist();
    }
}
