package uk.nhs.pathways.contract.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.ContractConfig;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.contract.terms.service.Contracts;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Demo contracts for the local run (PATHWAYS_DEMO_DATA=true), loaded into an empty database, each registered
 * like any contract (so its coverage is published). They reproduce the domain primer's situations:
 * <ul>
 *   <li>every ICB funds the full 12-session course from any qualified provider at £163.00 an episode, except
 *       North East and North Cumbria, Lincolnshire and Cornwall, whose block contracts cap an episode at 4
 *       contacts, so their residents' referrals are not funded;</li>
 *   <li>so a site near the North East and North Cumbria border serves two commissioners with different terms:
 *       TS17 Community Centre (charity-1, TS17 6PG, Thornaby) is covered for Humber and North Yorkshire's residents
 *       and not for North East and North Cumbria's;</li>
 *   <li>Humber and North Yorkshire also holds a prime/sub-contract: it reimburses its MSK prime contractor
 *       (nhs-msk-qoq) £130.00 a course, the prime sub-contracts Active Lives Leisure (leisure-1) at £163.00
 *       and carries £33.00 a course; at most 60 courses a quarter;</li>
 *   <li>Greater Manchester pays on outcomes: £130.00 a completed course and £33.00 a responder at follow-up.</li>
 * </ul>
 */
@ApplicationScoped
public class DemoContracts {

    private static final Logger LOG = Logger.getLogger(DemoContracts.class);

    /** North East and North Cumbria, Lincolnshire, Cornwall: capped at 4 contacts in the demo. */
    static final Set<String> CAPPED = Set.of("QHM", "QJM", "QT6");

    static final String OUTCOME_BASED = "QOP";
    static final String PRIME = "QOQ";
    static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate TO = LocalDate.of(2027, 3, 31);

    public record DemoContract(String id, String commissionerIcb, Contracts.Terms terms) {}

    @Inject
    Contracts contracts;

    @Inject
    ContractConfig config;

    @Inject
    DemoHistory history;

    /** The demo contracts: the same every time. */
    public static List<DemoContract> plan() {
        List<DemoContract> plan = new ArrayList<>();
        for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
            String code = icb.get("icb_ods_code");
            String lower = code.toLowerCase();
            if (CAPPED.contains(code)) {
                plan.add(new DemoContract(
                        "block-" + lower + "-2026",
                        code,
                        terms(null, PaymentModel.BLOCK, 4, null, null, null, 4_890_000L, null, null, null)));
            } else if (OUTCOME_BASED.equals(code)) {
                plan.add(new DemoContract(
                        "outcomes-" + lower + "-2026",
                        code,
                        terms(null, PaymentModel.OUTCOME_BASED, 12, null, 13_000L, 3_300L, null, null, null, null)));
            } else {
                plan.add(new DemoContract(
                        "aqp-" + lower + "-2026",
                        code,
                        terms(null, PaymentModel.ACTIVITY, 12, 16_300L, null, null, null, null, null, null)));
            }
        }
        plan.add(new DemoContract(
                "prime-" + PRIME.toLowerCase() + "-2026",
                PRIME,
                terms(
                        List.of("leisure-1"),
                        PaymentModel.PRIME_SUB_CONTRACT,
                        12,
                        13_000L,
                        null,
                        null,
                        null,
                        "nhs-msk-qoq",
                        16_300L,
                        60)));
        return plan;
    }

    private static Contracts.Terms terms(
            List<String> providers,
            PaymentModel model,
            int contacts,
            Long perEpisode,
            Long perCompletion,
            Long perResponder,
            Long block,
            String prime,
            Long subContract,
            Integer maxEpisodes) {
        return new Contracts.Terms(
                FROM,
                TO,
                providers,
                null,
                model,
                EnumSet.allOf(Joint.class),
                contacts,
                perEpisode,
                perCompletion,
                perResponder,
                block,
                prime,
                subContract,
                CapPeriod.QUARTER,
                maxEpisodes,
                null);
    }

    void onStart(@Observes @Priority(10) StartupEvent ignored) {
        if (!config.demoData().enabled()) {
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> Contract.count() == 0)) {
            List<DemoContract> plan = plan();
            plan.forEach(c -> contracts.register(c.id(), c.commissionerIcb(), c.terms()));
            LOG.infof("Demo contracts loaded: %d", plan.size());
        }
        history.seedIfEmpty();
    }
}
