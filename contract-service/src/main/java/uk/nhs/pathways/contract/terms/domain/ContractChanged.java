package uk.nhs.pathways.contract.terms.domain;

/**
 * A contract was registered, amended or ended: fired (CDI, synchronously, in the transaction of the change)
 * so the referrals it affects are checked again with it.
 */
public record ContractChanged(String contractId, String commissionerIcb, Change change) {

    public enum Change {
        REGISTERED,
        AMENDED,
        ENDED
    }
}
