package uk.nhs.pathways.contract.funding.domain;

import java.util.HashMap;
import java.util.Map;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;

/** Caps counted in memory, from nothing: how a what-if scenario replays decisions without touching the database. */
public final class SimulatedLedger implements CapLedger {

    private final Map<PeriodUsage.Key, PeriodUsage> usage = new HashMap<>();

    @Override
    public Refusal commit(ContractVersion terms, Period period, long costPence) {
        return usage.computeIfAbsent(
                        new PeriodUsage.Key(terms.contractId, period.start()),
                        key -> PeriodUsage.empty(terms.contractId, period))
                .tryCommit(terms.maxEpisodesPerPeriod, terms.budgetPencePerPeriod, costPence);
    }
}
