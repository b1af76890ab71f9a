package uk.nhs.pathways.contract.funding.domain;

import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.Period;

/** Why a contract whose terms cover an episode could not take one more in the period. */
public enum Refusal {
    VOLUME_CAP_REACHED,
    BUDGET_EXHAUSTED;

    /** In words a commissioner can act on; no amounts, as reasons reach providers too. */
    public String reason(ContractVersion terms, Period period) {
        return switch (this) {
            case VOLUME_CAP_REACHED ->
                "contract " + terms.contractId + " has committed its cap of " + terms.maxEpisodesPerPeriod
                        + " episodes for " + period;
            case BUDGET_EXHAUSTED ->
                "contract " + terms.contractId + " has no budget left for another episode in " + period;
        };
    }
}
