package uk.nhs.pathways.contract.funding.domain;

import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;

/**
 * Where a decision reserves an episode against a contract's caps: the database (under the period's row lock)
 * for real decisions, memory for what-if scenarios.
 */
public interface CapLedger {

    /**
     * Reserves one episode of this cost against the version's volume cap and budget for the period.
     *
     * @return null when reserved; otherwise why not (and nothing is reserved)
     */
    Refusal commit(ContractVersion terms, Period period, long costPence);
}
