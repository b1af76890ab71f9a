package uk.nhs.pathways.events;

/** When a measure is taken: the baseline, the end of the course, and the follow-up about 6 months on. */
public enum Timepoint {
    FIRST_SESSION,
    LAST_SESSION,
    FOLLOW_UP
}
