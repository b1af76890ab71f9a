package uk.nhs.pathways.contract.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;
import uk.nhs.pathways.contract.funding.domain.Commitment;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.Proposal;
import uk.nhs.pathways.contract.funding.domain.SimulatedLedger;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.platform.time.England;

/**
 * A demo decision history, so a what-if shows something on a fresh start: about 30 synthetic proposals a month
 * for North East and North Cumbria (capped at 4 contacts) since its demo contract began, at most six months
 * back, decided against its contracts as they are. Marked synthetic (and their referral ids start
 * {@code demo-history-}): never published, never counted against a cap, never re-evaluated; their sites are
 * named by district ({@code demo-site-<outcode>}), not directory ids.
 */
@ApplicationScoped
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    static final String ICB = "QHM";
    static final List<String> PROVIDERS = List.of("nhs-msk-qhm", "charity-1", "leisure-1", "council-qhm");
    static final int PER_MONTH = 30;

    @Inject
    Clock clock;

    @Transactional
    public void seedIfEmpty() {
        if (FundingDecision.count("synthetic", true) > 0) {
            return;
        }
        List<ContractVersion> versions = ContractVersion.list(
                "from ContractVersion v join fetch v.contract c where c.commissionerIcb = ?1", ICB);
        List<String> practices = ReferenceData.rows("gp_practices_england.csv").stream()
                .filter(r -> ICB.equals(r.get("icb_ods_code")))
                .map(r -> r.get("ods_code") + " " + r.get("postcode"))
                .toList();
        LocalDate today = England.today(clock);
        LocalDate from = today.minusMonths(6);
        if (from.isBefore(DemoContracts.FROM)) {
            from = DemoContracts.FROM;
        }
        long days = ChronoUnit.DAYS.between(from, today);
        long count = days * PER_MONTH / 30;
        Random random = new Random(4);
        SimulatedLedger caps = new SimulatedLedger();
        for (int i = 0; i < count; i++) {
            LocalDate day = from.plusDays(i * days / Math.max(1, count));
            OffsetDateTime at = day.atTime(9 + random.nextInt(8), random.nextInt(60))
                    .atZone(England.ZONE)
                    .toOffsetDateTime();
            String[] practice = practices.get(random.nextInt(practices.size())).split(" ", 2);
            String outcode = practice[1].substring(0, practice[1].indexOf(' '));
            Proposal proposal = new Proposal(
                    "demo-history-" + String.format("%04d", i),
                    1,
                    practice[0],
                    random.nextInt(3) == 0 ? Joint.HIP : Joint.KNEE,
                    null,
                    "demo-site-" + outcode,
                    PROVIDERS.get(random.nextInt(PROVIDERS.size())),
                    random.nextInt(10) == 0 ? 8 : 12,
                    at.toInstant());
            FundingDecision decision = FundingDecision.decide(proposal, ICB, versions, caps, at);
            decision.synthetic = true;
            decision.commitment = Commitment.NONE;
            decision.persist();
        }
        LOG.infof("Demo decision history for %s: %d synthetic proposals since %s", ICB, count, from);
    }
}
