package uk.nhs.pathways.contract.whatif.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.funding.domain.SimulatedLedger;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.platform.time.England;

/**
 * Replays the decisions this service took for one commissioner over the last months against its contracts as
 * they are and against a scenario (a contract changed, or a draft added), and tells the difference: how many
 * more (or fewer) referrals would have been funded, at what cost, by site and by provider. Both replays count
 * caps in memory from the start of the window; each referral counts once, by its latest route, on the day it
 * was first decided. Nothing is written: the transaction is read-only in the database too.
 */
@ApplicationScoped
public class WhatIf {

    /** The draft contract's id in a scenario. */
    public static final String DRAFT = "what-if-draft";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public record Tally(long funded, long costPence) {}

    /**
     * One site's or provider's difference.
     *
     * @param siteId null in the by-provider list
     */
    public record Difference(
            String siteId,
            String providerId,
            long baselineFunded,
            long scenarioFunded,
            long fundedDifference,
            long baselineCostPence,
            long scenarioCostPence,
            long costDifferencePence) {}

    public record Result(
            String commissionerIcb,
            LocalDate from,
            LocalDate to,
            int months,
            int referrals,
            Tally baseline,
            Tally scenario,
            long fundedDifference,
            long costDifferencePence,
            List<Difference> bySite,
            List<Difference> byProvider) {}

    /** A scenario: the ICB's contract versions as they would be. */
    public interface Scenario extends UnaryOperator<List<ContractVersion>> {}

    /** The contract's versions with some terms changed (copies: the contract itself is untouched). */
    public static Scenario changing(String contractId, UnaryOperator<ContractVersion> change) {
        return versions -> versions.stream()
                .map(v -> v.contractId.equals(contractId) ? change.apply(v.copy()) : v)
                .toList();
    }

    /** The ICB's contracts and a draft one more. */
    public static Scenario adding(String commissionerIcb, ContractVersion draft) {
        Contract contract = new Contract();
        contract.id = DRAFT;
        contract.commissionerIcb = commissionerIcb;
        draft.contractId = DRAFT;
        draft.version = 1;
        draft.contract = contract;
        return versions -> {
            List<ContractVersion> more = new ArrayList<>(versions);
            more.add(draft);
            return more;
        };
    }

    @Transactional
    public Result evaluate(String commissionerIcb, int months, Scenario scenario) {
        readOnly();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = England.today(clock);
        LocalDate from = today.minusMonths(months);
        List<FundingDecision> decided = entityManager
                .createQuery(
                        "from FundingDecision where commissionerIcb = :icb and firstDecidedAt >= :since and joint is not null",
                        FundingDecision.class)
                .setParameter("icb", commissionerIcb)
                .setParameter("since", from.atStartOfDay(England.ZONE).toOffsetDateTime())
                .getResultList();
        Map<String, FundingDecision> latestRoute = new HashMap<>();
        for (FundingDecision d : decided) {
            latestRoute.merge(d.referralId, d, (a, b) -> a.routeNumber >= b.routeNumber ? a : b);
        }
        List<FundingDecision> proposals = latestRoute.values().stream()
                .sorted(Comparator.comparing((FundingDecision d) -> d.firstDecidedAt)
                        .thenComparing(d -> d.referralId))
                .toList();

        List<ContractVersion> asTheyAre = entityManager
                .createQuery(
                        "from ContractVersion v join fetch v.contract c where c.commissionerIcb = :icb",
                        ContractVersion.class)
                .setParameter("icb", commissionerIcb)
                .getResultList();
        List<ContractVersion> asTheyWouldBe = scenario.apply(asTheyAre);
        SimulatedLedger baselineCaps = new SimulatedLedger();
        SimulatedLedger scenarioCaps = new SimulatedLedger();
        Map<List<String>, long[]> bySite =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        Map<String, long[]> byProvider = new TreeMap<>();
        long[] total = new long[4];
        for (FundingDecision proposal : proposals) {
            LocalDate day =
                    proposal.firstDecidedAt.atZoneSameInstant(England.ZONE).toLocalDate();
            var asked = proposal.proposalAt(proposal.firstDecidedAt.toInstant());
            FundingDecision baseline = FundingDecision.decide(asked, commissionerIcb, asTheyAre, baselineCaps, now);
            FundingDecision changed = FundingDecision.decide(asked, commissionerIcb, asTheyWouldBe, scenarioCaps, now);
            long[] delta = {
                baseline.funded ? 1 : 0,
                changed.funded ? 1 : 0,
                baseline.funded ? baseline.costPence : 0,
                changed.funded ? changed.costPence : 0
            };
            add(total, delta);
            add(bySite.computeIfAbsent(List.of(proposal.siteId, proposal.providerId), k -> new long[4]), delta);
            add(byProvider.computeIfAbsent(proposal.providerId, k -> new long[4]), delta);
        }
        return new Result(
                commissionerIcb,
                from,
                today,
                months,
                proposals.size(),
                new Tally(total[0], total[2]),
                new Tally(total[1], total[3]),
                total[1] - total[0],
                total[3] - total[2],
                bySite.entrySet().stream()
                        .map(e -> difference(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                        .toList(),
                byProvider.entrySet().stream()
                        .map(e -> difference(null, e.getKey(), e.getValue()))
                        .toList());
    }

    /** The database refuses any write in this transaction, and Hibernate never flushes one. */
    private void readOnly() {
        Session session = entityManager.unwrap(Session.class);
        session.doWork(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("set transaction read only");
            }
        });
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private static void add(long[] into, long[] delta) {
        for (int i = 0; i < into.length; i++) {
            into[i] += delta[i];
        }
    }

    private static Difference difference(String siteId, String providerId, long[] t) {
        return new Difference(siteId, providerId, t[0], t[1], t[1] - t[0], t[2], t[3], t[3] - t[2]);
    }
}
