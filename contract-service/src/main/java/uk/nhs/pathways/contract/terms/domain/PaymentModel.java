package uk.nhs.pathways.contract.terms.domain;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * How a commissioner pays for the episodes a contract funds (domain primer: block, activity, outcome-based
 * and prime/sub-contract models).
 */
public enum PaymentModel {
    /** A fixed amount per period, whatever the activity: paid in equal monthly instalments. */
    BLOCK,
    /** A price per episode started. "Any qualified provider" contracts were paid this way. */
    @JsonAlias("ANY_QUALIFIED_PROVIDER")
    ACTIVITY,
    /** A price per course completed, plus a price per responder at the follow-up measure. */
    OUTCOME_BASED,
    /**
     * Three parties: the commissioner reimburses the prime contractor a price per course; the prime pays its
     * sub-contracted provider its own price and carries the difference.
     */
    @JsonAlias("PRIME_CONTRACT")
    PRIME_SUB_CONTRACT
}
