package uk.nhs.pathways.contract.terms.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.ContractConfig;
import uk.nhs.pathways.contract.terms.domain.CommissioningModel;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.service.Contracts;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Demo contracts for the local run (PATHWAYS_DEMO_DATA=true): every ICB funds the full 12-session
 * course from any qualified provider, except a few that hold a block contract capped at 4 contacts
 * per episode, the real constraint the domain primer describes, so their referrals need attention.
 * Each is registered like any contract, so its coverage is published too.
 */
@ApplicationScoped
public class DemoContracts {

    private static final Logger LOG = Logger.getLogger(DemoContracts.class);

    /** North East and North Cumbria, Lincolnshire, Cornwall: capped at 4 contacts in the demo. */
    static final Set<String> CAPPED = Set.of("QHM", "QJM", "QT6");

    @Inject
    Contracts contracts;

    @Inject
    ContractConfig config;

    void onStart(@Observes StartupEvent ignored) {
        if (!config.demoData().enabled() || QuarkusTransaction.requiringNew().call(() -> Contract.count() > 0)) {
            return;
        }
        LocalDate from = LocalDate.of(2026, 4, 1);
        int count = 0;
        for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
            String code = icb.get("icb_ods_code");
            boolean capped = CAPPED.contains(code);
            contracts.register(new Contracts.NewContract(
                    (capped ? "block-" : "aqp-") + code.toLowerCase() + "-2026",
                    code,
                    null,
                    capped ? CommissioningModel.BLOCK : CommissioningModel.ANY_QUALIFIED_PROVIDER,
                    EnumSet.allOf(Joint.class),
                    capped ? 4 : 12,
                    16_300,
                    from,
                    LocalDate.of(2027, 3, 31)));
            count++;
        }
        LOG.infof("Demo contracts loaded: %d", count);
    }
}
