package uk.nhs.pathways.contract.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.nhs.pathways.contract.funding.domain.ReferralEpisode;

/**
 * The referrals a consumer's batch is about, read (and locked) with one query when the batch's transaction first
 * asks for one, instead of one query a record. The Kafka adapter says which referrals a batch holds
 * ({@link #expect}) before handing it to the inbox, on the same thread; a referral it did not announce is read on
 * its own.
 */
@ApplicationScoped
public class BatchEpisodes {

    private static final ThreadLocal<Set<String>> EXPECTED = new ThreadLocal<>();

    @Inject
    EntityManager entityManager;

    @Inject
    Loaded loaded;

    /** The referral ids of the batch this thread is about to apply. */
    public void expect(Set<String> referralIds) {
        EXPECTED.set(referralIds);
    }

    public void done() {
        EXPECTED.remove();
    }

    /** The referral's episode, locked for this transaction; null when this service has not decided it yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralEpisode locked(String referralId) {
        Set<String> expected = EXPECTED.get();
        if (expected != null && expected.contains(referralId)) {
            if (!loaded.has(referralId)) {
                loaded.add(expected, read(expected));
            }
            return loaded.get(referralId);
        }
        return entityManager.find(ReferralEpisode.class, referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A referral decided in this transaction: later records of the batch find it. */
    public void decided(ReferralEpisode episode) {
        loaded.put(episode);
    }

    private Map<String, ReferralEpisode> read(Collection<String> ids) {
        Map<String, ReferralEpisode> found = new HashMap<>();
        List<ReferralEpisode> episodes = entityManager
                .createQuery("from ReferralEpisode where referralId in :ids", ReferralEpisode.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        episodes.forEach(e -> found.put(e.referralId, e));
        return found;
    }

    /** What this transaction read: each expected referral's episode, or that it has none. */
    @TransactionScoped
    public static class Loaded implements Serializable {

        private transient Map<String, ReferralEpisode> episodes;

        boolean has(String referralId) {
            return episodes != null && episodes.containsKey(referralId);
        }

        ReferralEpisode get(String referralId) {
            return episodes.get(referralId);
        }

        void add(Collection<String> ids, Map<String, ReferralEpisode> found) {
            if (episodes == null) {
                episodes = new HashMap<>();
            }
            ids.forEach(id -> episodes.putIfAbsent(id, found.get(id)));
        }

        void put(ReferralEpisode episode) {
            if (episodes != null && episodes.containsKey(episode.referralId)) {
                episodes.put(episode.referralId, episode);
            }
        }
    }
}
