package uk.nhs.pathways.events;

/** Why the site directory could not give a referral a place in a class. */
public enum PlaceRefusal {
    /** Every place is taken. */
    FULL,
    /** The class is not SCHEDULED (running, completed or cancelled). */
    NOT_OPEN,
    /** The directory holds no such class. */
    UNKNOWN_CLASS,
    /** It is another provider's class. */
    OTHER_PROVIDER,
    /** It does not run the programme for the referral's joint. */
    OTHER_JOINT,
    /** It has more sessions than the funding contract pays contacts for. */
    TOO_MANY_SESSIONS
}
