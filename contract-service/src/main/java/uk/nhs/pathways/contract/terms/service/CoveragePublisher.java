package uk.nhs.pathways.contract.terms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * Publishes which providers each commissioner's contracts cover, as the full state of one commissioner and
 * provider on the compacted coverage topic ({@link Contract#coverage} builds it; no prices).
 */
@ApplicationScoped
public class CoveragePublisher {

    private static final Logger LOG = Logger.getLogger(CoveragePublisher.class);

    @Inject
    Outbox outbox;

    /**
     * The pair's coverage now, in the caller's transaction: its full state, or a tombstone when no version of
     * the commissioner's contracts covers the pair.
     *
     * @param providerId null for any qualified provider
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String commissionerIcb, String providerId) {
        record(commissionerIcb, providerId, ContractVersion.list("contract.commissionerIcb", commissionerIcb));
    }

    /**
     * Publishes every pair's coverage again, so a new consumer (or a repaired topic) catches up.
     *
     * @return how many commissioner and provider pairs were published
     */
    @Transactional
    public int republishAll() {
        Map<String, List<ContractVersion>> byIcb = new TreeMap<>();
        for (ContractVersion v :
                ContractVersion.<ContractVersion>list("from ContractVersion v join fetch v.contract")) {
            byIcb.computeIfAbsent(v.commissionerIcb(), icb -> new ArrayList<>()).add(v);
        }
        int pairs = 0;
        for (var icb : byIcb.entrySet()) {
            Set<String> providers = new LinkedHashSet<>();
            for (ContractVersion v : icb.getValue()) {
                if (v.anyQualifiedProvider()) {
                    providers.add(null);
                } else {
                    providers.addAll(v.providerIds());
                }
            }
            for (String provider : providers) {
                record(icb.getKey(), provider, icb.getValue());
                pairs++;
            }
        }
        LOG.infof("Funding coverage republished: %d commissioner and provider pairs", pairs);
        return pairs;
    }

    private void record(String commissionerIcb, String providerId, List<ContractVersion> ofTheIcb) {
        String key = FundingCoverage.key(commissionerIcb, providerId);
        Contract.coverage(commissionerIcb, providerId, ofTheIcb)
                .ifPresentOrElse(
                        coverage -> outbox.record(EventType.FUNDING_COVERAGE_UPDATED, key, coverage),
                        () -> outbox.recordDeletion(EventType.FUNDING_COVERAGE_UPDATED, key));
    }
}
