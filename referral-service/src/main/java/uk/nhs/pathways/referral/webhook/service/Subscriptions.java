package uk.nhs.pathways.referral.webhook.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.webhook.WebhookConfig;
import uk.nhs.pathways.referral.webhook.domain.RefusedCallback;
import uk.nhs.pathways.referral.webhook.domain.WebhookDelivery;
import uk.nhs.pathways.referral.webhook.domain.WebhookSubscription;

/** Registers, shows and removes webhook subscriptions, each within the caller's scope. */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    /** Whose subscriptions a caller may see: one practice's, or (admin) all. */
    public record Scope(String practiceOdsCode) {
        public static Scope practice(String ods) {
            return new Scope(ods);
        }

        public static Scope all() {
            return new Scope(null);
        }

        boolean sees(WebhookSubscription subscription) {
            return practiceOdsCode == null || practiceOdsCode.equals(subscription.practiceOdsCode);
        }
    }

    /** A new subscription with its signing secret, which is never shown again. */
    public record Registered(WebhookSubscription subscription, String secret) {}

    /** A subscription with how many of its deliveries are still to go. */
    public record Health(WebhookSubscription subscription, long pendingDeliveries) {}

    @Inject
    Receivers receivers;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Checks the URL where it resolves to now (outside any transaction: a lookup may be slow), then
     * records the subscription with its sealed secret.
     */
    public Registered subscribe(String practiceOdsCode, String callbackUrl, String user) {
        Receivers.Target target;
        try {
            target = receivers.target(callbackUrl);
        } catch (RefusedCallback refused) {
            throw ProblemException.badField("callbackUrl", refused.getMessage());
        }
        String secret = secrets.newSecret();
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            // One practice's registrations are serialised, so two at once cannot both pass the limit.
            entityManager
                    .createNativeQuery(
                            "select count(*) from (select pg_advisory_xact_lock(hashtext(:practice))) locked")
                    .setParameter("practice", "webhook_subscription:" + practiceOdsCode)
                    .getSingleResult();
            if (WebhookSubscription.count("practiceOdsCode", practiceOdsCode) >= config.maxSubscriptionsPerPractice()) {
                throw ProblemException.conflict("practice " + practiceOdsCode + " already has "
                        + config.maxSubscriptionsPerPractice() + " webhook subscriptions; delete one first");
            }
            UUID id = UUID.randomUUID();
            WebhookSubscription created = WebhookSubscription.register(
                    id, practiceOdsCode, target.url(), secrets.seal(id, secret), user, OffsetDateTime.now(clock));
            created.persist();
            return created;
        });
        LOG.infof("Webhook subscription %s registered for practice %s", subscription.id, practiceOdsCode);
        return new Registered(subscription, secret);
    }

    public List<Health> list(Scope scope) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WebhookSubscription> found = scope.practiceOdsCode() == null
                    ? WebhookSubscription.listAll(Sort.ascending("createdAt", "id"))
                    : WebhookSubscription.list(
                            "practiceOdsCode", Sort.ascending("createdAt", "id"), scope.practiceOdsCode());
            Map<UUID, Long> pending = pending(found.stream().map(s -> s.id).toList());
            return found.stream()
                    .map(s -> new Health(s, pending.getOrDefault(s.id, 0L)))
                    .toList();
        });
    }

    /** Empty also when it exists outside the scope, so its existence does not leak. */
    public Optional<Health> find(UUID id, Scope scope) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                        .filter(scope::sees)
                        .map(s -> new Health(s, pending(List.of(s.id)).getOrDefault(s.id, 0L))));
    }

    /** Removes the subscription and every delivery still waiting for it. False if none in the scope. */
    public boolean delete(UUID id, Scope scope) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            Optional<WebhookSubscription> subscription = WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                    .filter(scope::sees);
            subscription.ifPresent(s -> {
                WebhookDelivery.delete("subscriptionId", s.id);
                s.delete();
            });
            return subscription.isPresent();
        });
        if (deleted) {
            LOG.infof("Webhook subscription %s deleted", id);
        }
        return deleted;
    }

    private Map<UUID, Long> pending(List<UUID> subscriptionIds) {
        Map<UUID, Long> pending = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return pending;
        }
        entityManager
                .createQuery(
                        "select d.subscriptionId, count(d) from WebhookDelivery d where d.state = :pending"
                                + " and d.subscriptionId in :ids group by d.subscriptionId",
                        Object[].class)
                .setParameter("pending", WebhookDelivery.State.PENDING)
                .setParameter("ids", subscriptionIds)
                .getResultList()
                .forEach(row -> pending.put((UUID) row[0], (Long) row[1]));
        return pending;
    }
}
