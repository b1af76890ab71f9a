package uk.nhs.pathways.contract.terms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * Publishes which providers each commissioner's contracts cover, as the full state of one commissioner
 * and provider on the compacted coverage topic ({@link Contract#coverage} builds it; no prices).
 */
@ApplicationScoped
public class CoveragePublisher {

    private static final Logger LOG = Logger.getLogger(CoveragePublisher.class);

    @Inject
    Outbox outbox;

    /**
     * The pair's coverage now, in the caller's transaction: its full state, or a tombstone when no
     * contract of the pair is left.
     *
     * @param providerId null for any qualified provider
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String commissionerIcb, String providerId) {
        List<Contract> ofThePair = providerId == null
                ? Contract.list("commissionerIcb = ?1 and providerId is null", commissionerIcb)
                : Contract.list("commissionerIcb = ?1 and providerId = ?2", commissionerIcb, providerId);
        record(commissionerIcb, providerId, ofThePair);
    }

    /**
     * Publishes every pair's coverage again, so a new consumer (or a repaired topic) catches up.
     *
     * @return how many commissioner and provider pairs were published
     */
    @Transactional
    public int republishAll() {
        Map<String, List<Contract>> byPair = new TreeMap<>();
        for (Contract contract : Contract.<Contract>listAll()) {
            byPair.computeIfAbsent(
                            FundingCoverage.key(contract.commissionerIcb, contract.providerId),
                            key -> new ArrayList<>())
                    .add(contract);
        }
        byPair.values().forEach(ofThePair -> {
            Contract any = ofThePair.getFirst();
            record(any.commissionerIcb, any.providerId, ofThePair);
        });
        LOG.infof("Funding coverage republished: %d commissioner and provider pairs", byPair.size());
        return byPair.size();
    }

    private void record(String commissionerIcb, String providerId, List<Contract> ofThePair) {
        String key = FundingCoverage.key(commissionerIcb, providerId);
        Contract.coverage(commissionerIcb, providerId, ofThePair)
                .ifPresentOrElse(
                        coverage -> outbox.record(EventType.FUNDING_COVERAGE_UPDATED, key, coverage),
                        () -> outbox.recordDeletion(EventType.FUNDING_COVERAGE_UPDATED, key));
    }
}
