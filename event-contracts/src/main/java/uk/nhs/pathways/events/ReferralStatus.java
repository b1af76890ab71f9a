package uk.nhs.pathways.events;

/** Where a referral stands. The referral service's aggregate says which moves between them are allowed. */
public enum ReferralStatus {
    /** Routed to a site; the contract check is under way. */
    SUBMITTED,
    /** Funded by a contract and offered to the site's provider. */
    OFFERED,
    /** Not routable or not funded: the referrer (and commissioner) must act. */
    NEEDS_ATTENTION,
    /** The provider took it on and will book the person into a class. */
    ACCEPTED,
    /** The provider turned it down, with a reason. */
    DECLINED,
    /** The person has a place in a class. */
    BOOKED
}
