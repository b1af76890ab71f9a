package uk.nhs.pathways.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The processed-event log. Written inside the transaction that applies the events' effects, so the
 * effects and the record of them commit together, and a redelivered event is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records a batch of events as processed by this consumer, in one statement.
     *
     * @param typeById event id to event type, in any order
     * @return the ids this consumer had not processed before: the ones whose effects are due
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Map<String, String> typeById) {
        if (typeById.isEmpty()) {
            return Set.of();
        }
        String[] ids = typeById.keySet().toArray(String[]::new);
        String[] types = typeById.values().toArray(String[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (event_id, consumer, event_type)
                    select e.id, ?, e.type from unnest(?::text[], ?::text[]) as e(id, type)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("text", ids));
                insert.setArray(3, connection.createArrayOf("text", types));
                Set<String> fresh = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
                return fresh;
            }
        });
    }
}
