package uk.nhs.pathways.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;

/** Observes ReferralTransitioned as the webhooks do, noting whether each arrived inside a transaction. */
@ApplicationScoped
public class TransitionsSeen {

    public record Seen(ReferralTransitioned event, boolean inTransaction) {}

    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    void on(@Observes ReferralTransitioned event) {
        SEEN.add(new Seen(event, transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
    }

    static List<Seen> of(String referralId) {
        UUID id = UUID.fromString(referralId);
        return SEEN.stream().filter(s -> s.event().referralId().equals(id)).toList();
    }
}
