package uk.nhs.pathways.events;

/** Why a person stopped a course, coded (the provider's own words stay in the referral service). */
public enum DropOutReason {
    /** Missed the configured number of sessions in a row without notice. */
    CONSECUTIVE_ABSENCES,
    PERSON_CHOSE_TO_STOP,
    ILL_HEALTH,
    PAIN_OR_INJURY,
    MOVED_AWAY,
    TRANSPORT_OR_ACCESS,
    OTHER
}
