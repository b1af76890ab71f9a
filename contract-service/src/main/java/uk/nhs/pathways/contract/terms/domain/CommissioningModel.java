package uk.nhs.pathways.contract.terms.domain;

/** How a commissioner pays for MSK services (domain primer: block, tariff/activity, AQP, prime contract). */
public enum CommissioningModel {
    BLOCK,
    ACTIVITY,
    ANY_QUALIFIED_PROVIDER,
    PRIME_CONTRACT
}
