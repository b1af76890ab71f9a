package uk.nhs.pathways.events;

/**
 * Why a provider turned a referral down. The provider's own words stay in the referral service; only
 * the code travels in events.
 */
public enum DeclineReason {
    /** No place the person could take in any of the provider's classes. */
    NO_CAPACITY,
    /** The programme is not right for this person (clinical or practical reasons). */
    NOT_SUITABLE,
    /** The provider could not reach the person. */
    UNABLE_TO_CONTACT,
    /** The person said no. */
    PERSON_DECLINED,
    /** Anything else: the provider's note says what, inside the referral service only. */
    OTHER
}
