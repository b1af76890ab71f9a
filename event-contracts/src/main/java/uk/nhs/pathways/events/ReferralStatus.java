package uk.nhs.pathways.events;

/**
 * Where a referral stands: the platform's one state table (README, "Referral states"). The referral
 * service's aggregate says which moves between them are allowed. Re-routing to another class is an
 * event ({@code referral.rerouted}), not a state: a re-routed referral is SUBMITTED again.
 */
public enum ReferralStatus {
    /** Routed to a class; the commissioner's funding decision for that provider is under way. */
    SUBMITTED,
    /** Funded by a contract and offered to the class's provider, who accepts or declines it. */
    OFFERED,
    /** Nothing fits, not funded, or no answer after every re-route: the referrer must act. */
    NEEDS_ATTENTION,
    /** The provider took it on and will book the person into one of its classes. */
    ACCEPTED,
    /** The provider turned it down with a coded reason (then, usually, re-routed at once). */
    DECLINED,
    /** The provider asked for a place; the site directory, which owns capacity, is reserving it. */
    BOOKING_REQUESTED,
    /** The person has a place in a class. */
    BOOKED,
    /** The provider cancelled the booking and the place was released; the person may be booked again. */
    BOOKING_CANCELLED,
    /** The referrer withdrew the referral; any place it held was released. Final. */
    WITHDRAWN,
    /** The person attended a first session: the course is under way. */
    IN_PROGRESS,
    /** The course ended with enough sessions attended (see {@link CourseOutcome#COMPLETED}). Final. */
    COMPLETED,
    /** The person stopped coming: they said so, or missed too many sessions in a row. Final. */
    DROPPED_OUT,
    /** The person never attended a session of the course. Final. */
    DID_NOT_ATTEND
}
