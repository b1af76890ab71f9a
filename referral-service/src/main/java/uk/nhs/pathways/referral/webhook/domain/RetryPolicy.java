package uk.nhs.pathways.referral.webhook.domain;

import java.time.Duration;

/**
 * How hard the platform tries: each delivery up to {@code maxAttempts} times, waiting
 * {@code initialBackoff} after the first failure and twice as long after each further one, never more
 * than {@code maxBackoff}; a subscription with no success for {@code failingAfter} since a failure is
 * FAILING, and after {@code suspendAfter} SUSPENDED.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration failingAfter, Duration suspendAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first). */
    public Duration backoffAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
