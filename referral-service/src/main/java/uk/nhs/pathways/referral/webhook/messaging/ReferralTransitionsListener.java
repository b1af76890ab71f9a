package uk.nhs.pathways.referral.webhook.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;
import uk.nhs.pathways.referral.webhook.service.DeliveryQueue;

/**
 * Hears every referral status change, synchronously and inside the transaction of the move, and
 * queues its webhook deliveries there. A failure to queue fails the move: a change is never made
 * without its subscribers being told.
 */
@ApplicationScoped
public class ReferralTransitionsListener {

    @Inject
    DeliveryQueue queue;

    void onTransition(@Observes ReferralTransitioned change) {
        queue.queue(change);
    }
}
