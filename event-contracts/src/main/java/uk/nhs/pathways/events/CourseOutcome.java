package uk.nhs.pathways.events;

/** How a person's course (one booking into one class) ended. */
public enum CourseOutcome {
    /** Attended at least the programme's completion share (75% by default) of the sessions held. */
    COMPLETED,
    /** Stopped: said so, or too many consecutive absences without notice (3 by default). */
    DROPPED_OUT,
    /** Never attended. */
    DID_NOT_ATTEND
}
