package uk.nhs.pathways.referral.webhook.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import uk.nhs.pathways.referral.webhook.WebhookConfig;
import uk.nhs.pathways.referral.webhook.domain.RefusedCallback;
import uk.nhs.pathways.referral.webhook.domain.RetryPolicy;
import uk.nhs.pathways.referral.webhook.domain.WebhookDelivery;
import uk.nhs.pathways.referral.webhook.domain.WebhookSignature;
import uk.nhs.pathways.referral.webhook.domain.WebhookSubscription;

/**
 * Sends queued deliveries: at least once, with exponential back-off between attempts, in order per
 * subscription and referral. Due deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease
 * (their next attempt moved past the longest an attempt can take), so replicas share the work without
 * sending one twice; a replica that dies mid-attempt leaves the delivery to be claimed again when the
 * lease lapses. Requests run outside any transaction, a bounded number at a time and a few per
 * subscription, so a slow or dead receiver only delays itself. Woken after each commit that queued
 * something, and polling for retries.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /**
     * Due deliveries at the head of their (subscription, referral) line, a few per subscription, oldest
     * first; rows another dispatcher holds are skipped. The outer conditions are re-checked on rows
     * changed since the snapshot, so a delivery just claimed elsewhere is not claimed again.
     */
    private static final String CLAIM_DUE = """
            select d.* from webhook_delivery d
             where d.state = 'PENDING' and d.next_attempt_at <= :now
               and d.id in (
                 select ranked.id from (
                   select c.id, row_number() over (partition by c.subscription_id order by c.seq) as place
                     from webhook_delivery c
                     join webhook_subscription s on s.id = c.subscription_id
                    where c.state = 'PENDING' and c.next_attempt_at <= :now
                      and s.status <> 'SUSPENDED'
                      and c.subscription_id <> all (cast(:busy as uuid[]))
                      and not exists (
                        select 1 from webhook_delivery e
                         where e.subscription_id = c.subscription_id and e.referral_id = c.referral_id
                           and e.state = 'PENDING' and e.seq < c.seq)
                 ) ranked
                 where ranked.place <= :perSubscription)
             order by d.seq
             limit :n
             for update of d skip locked
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    Receivers receivers;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    /** One attempt of one delivery, with all it needs to run outside the claiming transaction. */
    record Attempt(
            UUID deliveryId,
            UUID subscriptionId,
            String callbackUrl,
            String secret,
            String eventType,
            String payload,
            int number) {}

    /** How an attempt ended: delivered, or why not (a status code or a kind of error, never a body). */
    record Outcome(boolean delivered, String failure) {
        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome failed(String why) {
            return new Outcome(false, why);
        }
    }

    private final Semaphore work = new Semaphore(0);
    private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();
    private Semaphore slots;
    private ExecutorService attempts;
    private volatile boolean running;
    private Thread loop;

    void start(@Observes StartupEvent ignored) {
        slots = new Semaphore(Math.max(1, config.maxInFlight()));
        attempts = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("webhook-attempt-", 0).factory());
        running = true;
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        work.release();
        if (loop != null) {
            loop.join(TimeUnit.SECONDS.toMillis(5));
        }
        if (attempts != null) {
            attempts.shutdown();
            // Attempts cut short stay claimed until their lease lapses, then are sent again.
            attempts.awaitTermination(config.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A commit queued deliveries (or an attempt finished): look now rather than at the next poll. */
    public void wake() {
        work.release();
    }

    RetryPolicy policy() {
        return new RetryPolicy(
                config.maxAttempts(),
                config.initialBackoff(),
                config.maxBackoff(),
                config.failingAfter(),
                config.suspendAfter());
    }

    private void loop() {
        long nextPurge = 0;
        while (running) {
            try {
                dispatchDue();
                if (System.nanoTime() - nextPurge > 0) {
                    purgeFinished();
                    nextPurge = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
                }
            } catch (RuntimeException e) {
                // The database may be away; try again at the next poll.
                LOG.warnf("Webhook dispatcher: deliveries kept for the next round (%s)", rootCause(e));
            }
            try {
                work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                work.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Claims as many due deliveries as there are free slots, and starts an attempt for each. */
    void dispatchDue() {
        int free = slots.availablePermits();
        while (running && free > 0) {
            int wanted = free;
            List<Attempt> claimed = QuarkusTransaction.requiringNew().call(() -> claim(wanted));
            for (Attempt attempt : claimed) {
                slots.acquireUninterruptibly();
                inFlight.merge(attempt.subscriptionId(), 1, Integer::sum);
                attempts.execute(() -> run(attempt));
            }
            if (claimed.size() < wanted) {
                return;
            }
            free = slots.availablePermits();
        }
    }

    private List<Attempt> claim(int n) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String busy = inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= config.maxInFlightPerSubscription())
                .map(e -> e.getKey().toString())
                .collect(Collectors.joining(",", "{", "}"));
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = entityManager
                .createNativeQuery(CLAIM_DUE, WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("busy", busy)
                .setParameter("perSubscription", config.maxInFlightPerSubscription())
                .setParameter("n", n)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, WebhookSubscription> subscriptions = new LinkedHashMap<>();
        Duration lease = config.connectTimeout().plus(config.responseTimeout()).plusSeconds(30);
        List<Attempt> claimed = new ArrayList<>(due.size());
        for (WebhookDelivery delivery : due) {
            WebhookSubscription subscription =
                    subscriptions.computeIfAbsent(delivery.subscriptionId, id -> WebhookSubscription.findById(id));
            delivery.claim(now, lease);
            String secret;
            try {
                secret = secrets.open(subscription.id, subscription.secretSealed);
            } catch (IllegalStateException unreadable) {
                // Sealed under another key (rotated without re-sealing?): this subscription fails, others go on.
                String why = "cannot sign: secret not readable with the current webhook key";
                delivery.failed(why, now, policy());
                subscription.failed(why, now, policy());
                LOG.warnf("Webhook subscription %s: %s", subscription.id, why);
                continue;
            }
            claimed.add(new Attempt(
                    delivery.id,
                    subscription.id,
                    subscription.callbackUrl,
                    secret,
                    delivery.eventType,
                    delivery.payload,
                    delivery.attempts));
        }
        return claimed;
    }

    private void run(Attempt attempt) {
        try {
            record(attempt, send(attempt));
        } catch (RuntimeException e) {
            // Not recorded (database away?): the lease lapses and the delivery is claimed again.
            LOG.warnf(
                    "Webhook delivery %s: attempt %d not recorded (%s)",
                    attempt.deliveryId(), attempt.number(), rootCause(e));
        } finally {
            inFlight.computeIfPresent(attempt.subscriptionId(), (id, count) -> count > 1 ? count - 1 : null);
            slots.release();
            wake();
        }
    }

    /** One HTTP attempt: where the URL resolves now is checked again, and that address is the one used. */
    Outcome send(Attempt attempt) {
        try {
            Receivers.Target target = receivers.target(attempt.callbackUrl());
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("User-Agent", "Pathways-Webhooks/1");
            headers.put("Pathways-Delivery-Id", attempt.deliveryId().toString());
            headers.put("Pathways-Timestamp", Long.toString(timestamp));
            headers.put("Pathways-Event-Type", attempt.eventType());
            headers.put("Pathways-Signature", WebhookSignature.sign(attempt.secret(), timestamp, attempt.payload()));
            int status = sender.post(target, headers, attempt.payload());
            return status >= 200 && status < 300 ? Outcome.ok() : Outcome.failed("HTTP " + status);
        } catch (RefusedCallback refused) {
            return Outcome.failed("refused: callbackUrl " + refused.getMessage());
        } catch (TimeoutException e) {
            return Outcome.failed("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (Exception e) {
            return Outcome.failed("could not send (" + rootCause(e) + ")");
        }
    }

    /** Writes how the attempt went on the delivery and on its subscription's health. */
    void record(Attempt attempt, Outcome outcome) {
        RetryPolicy policy = policy();
        QuarkusTransaction.requiringNew().run(() -> {
            // Results for one subscription are recorded one at a time; "no key update" leaves new
            // deliveries (whose foreign key only needs a key share) free to be queued meanwhile.
            List<?> locked = entityManager
                    .createNativeQuery("select id from webhook_subscription where id = :id for no key update")
                    .setParameter("id", attempt.subscriptionId())
                    .getResultList();
            WebhookDelivery delivery = WebhookDelivery.findById(attempt.deliveryId());
            if (locked.isEmpty() || delivery == null || delivery.state != WebhookDelivery.State.PENDING) {
                return; // deleted with its subscription meanwhile, or already settled
            }
            WebhookSubscription subscription = WebhookSubscription.findById(attempt.subscriptionId());
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (outcome.delivered()) {
                delivery.delivered(now);
                subscription
                        .delivered(now)
                        .ifPresent(was -> LOG.infof(
                                "Webhook subscription %s of practice %s is ACTIVE again (was %s)",
                                subscription.id, subscription.practiceOdsCode, was));
                return;
            }
            if (delivery.attempts != attempt.number()) {
                return; // a later attempt (after this one's lease lapsed) owns the delivery now
            }
            LOG.debugf(
                    "Webhook delivery %s attempt %d failed: %s",
                    attempt.deliveryId(), attempt.number(), outcome.failure());
            if (delivery.failed(outcome.failure(), now, policy)) {
                LOG.warnf(
                        "Webhook delivery %s to subscription %s given up after %d attempts (last: %s)",
                        delivery.id, subscription.id, delivery.attempts, outcome.failure());
            }
            Optional<WebhookSubscription.Status> moved = subscription.failed(outcome.failure(), now, policy);
            moved.ifPresent(status -> LOG.warnf(
                    "Webhook subscription %s of practice %s is %s: nothing delivered since %s (last: %s)",
                    subscription.id,
                    subscription.practiceOdsCode,
                    status,
                    subscription.failingSince,
                    outcome.failure()));
        });
    }

    /** Delivered and given-up deliveries are kept for the retention period, then deleted. */
    void purgeFinished() {
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createQuery("delete from WebhookDelivery where state <> :pending and createdAt < :before")
                        .setParameter("pending", WebhookDelivery.State.PENDING)
                        .setParameter("before", OffsetDateTime.now(clock).minus(config.retention()))
                        .executeUpdate());
        if (purged > 0) {
            LOG.infof("Webhooks: purged %d finished deliveries older than %s", purged, config.retention());
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
