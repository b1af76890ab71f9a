package uk.nhs.pathways.events;

/** One person at one session of a class, as the provider's register records it. */
public enum Attendance {
    ATTENDED,
    ABSENT,
    /** Absent, having told the provider beforehand: not counted towards dropping out. */
    ABSENT_WITH_NOTICE,
    /** The provider cancelled the session: it was not held, and counts against nobody. */
    SESSION_CANCELLED
}
