package uk.nhs.pathways.referral.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;
import uk.nhs.pathways.referral.webhook.domain.StatusChangeNotice;
import uk.nhs.pathways.referral.webhook.domain.WebhookDelivery;
import uk.nhs.pathways.referral.webhook.domain.WebhookSubscription;

/**
 * Queues a delivery of a status change for every subscription of the referral's practice that still
 * receives, in the transaction of the change: if the change rolls back, so do its deliveries, and if
 * it commits they will be sent (no dual write). Nothing is sent here, so a slow or dead receiver never
 * holds up the referral.
 */
@ApplicationScoped
public class DeliveryQueue {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookDispatcher dispatcher;

    /** Returns how many deliveries it queued. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queue(ReferralTransitioned change) {
        if (change.practiceOdsCode() == null) {
            return 0;
        }
        List<WebhookSubscription> subscriptions = WebhookSubscription.list(
                "practiceOdsCode = ?1 and status in ?2", change.practiceOdsCode(), WebhookSubscription.RECEIVING);
        if (subscriptions.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = change.at() != null ? change.at() : now;
        for (WebhookSubscription subscription : subscriptions) {
            UUID deliveryId = UUID.randomUUID();
            StatusChangeNotice notice = new StatusChangeNotice(
                    deliveryId,
                    StatusChangeNotice.TYPE,
                    change.referralId(),
                    change.practiceOdsCode(),
                    change.to(),
                    change.from(),
                    change.reasonCode(),
                    at.toInstant());
            WebhookDelivery.queue(
                            deliveryId,
                            subscription.id,
                            change.referralId(),
                            StatusChangeNotice.TYPE,
                            body(notice),
                            now)
                    .persist();
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
        return subscriptions.size();
    }

    private String body(StatusChangeNotice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
