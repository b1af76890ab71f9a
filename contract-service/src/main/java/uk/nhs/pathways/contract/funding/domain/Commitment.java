package uk.nhs.pathways.contract.funding.domain;

/** Where a funded episode stands against its contract's caps for the period. */
public enum Commitment {
    /** Not funded (or decided before caps were counted): counts against nothing. */
    NONE,
    /** Funded, not started: one episode and its expected cost reserved. */
    COMMITTED,
    /** The course started: the reservation is used. */
    USED,
    /** The referral ended (or moved on) without starting it: the reservation is free again. */
    RELEASED
}
