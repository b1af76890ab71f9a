package uk.nhs.pathways.outcomes.contract.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.nhs.pathways.events.ContractUtilisationReached;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.outcomes.contract.service.ContractAlerts;
import uk.nhs.pathways.platform.inbox.EventHandlers;
import uk.nhs.pathways.platform.inbox.EventInbox;

/** Kafka adapter for the contract alerts topic: contracts reaching 80% and 100% of a cap, for the ICB reports. */
@ApplicationScoped
public class ContractAlertsListener {

    @Inject
    EventInbox inbox;

    @Inject
    ContractAlerts alerts;

    private EventHandlers handlers;

    @PostConstruct
    void handlers() {
        handlers = EventHandlers.on(
                EventType.CONTRACT_UTILISATION_REACHED, ContractUtilisationReached.class, alerts::reached);
    }

    @Incoming("contract-alerts")
    @Blocking
    public CompletionStage<Void> onContractAlerts(KafkaRecordBatch<String, byte[]> batch) {
        return inbox.receive(batch, handlers);
    }
}
