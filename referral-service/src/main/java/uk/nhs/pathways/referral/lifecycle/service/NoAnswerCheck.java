package uk.nhs.pathways.referral.lifecycle.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import uk.nhs.pathways.referral.ReferralConfig;

/**
 * Moves on every offer its provider has not answered within the configured working days. Safe to run on
 * every replica at once (rows are claimed with SKIP LOCKED) and as often as wanted (a moved-on offer is
 * no longer OFFERED). It reads the injected clock, so a test moves time instead of waiting.
 */
@ApplicationScoped
public class NoAnswerCheck {

    private static final Logger LOG = Logger.getLogger(NoAnswerCheck.class);

    @Inject
    Referrals referrals;

    @Inject
    ReferralConfig config;

    @Scheduled(
            identity = "no-answer-check",
            every = "${pathways.lifecycle.no-answer-check-every:15m}",
            delayed = "${pathways.lifecycle.no-answer-check-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass: every overdue offer, a batch per transaction. @return how many were moved on */
    public int run() {
        int total = 0;
        int batch = config.lifecycle().noAnswerBatch();
        for (int moved = batch; moved == batch; ) {
            moved = referrals.moveOnUnanswered(batch);
            total += moved;
        }
        if (total > 0) {
            LOG.infof("No answer in time: %d referral(s) moved on", total);
        }
        return total;
    }
}
