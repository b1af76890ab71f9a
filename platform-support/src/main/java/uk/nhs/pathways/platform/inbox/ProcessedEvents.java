package uk.nhs.pathways.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event log. Called inside the transaction that applies an event's effect, so the
 * effect and the record of it commit together, and a redelivered event is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event as processed by this consumer; false if it already was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer, String eventType) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (event_id, consumer, event_type) values (:id, :consumer, :type)
                        on conflict do nothing""")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .setParameter("type", eventType)
                .executeUpdate() == 1;
    }
}
