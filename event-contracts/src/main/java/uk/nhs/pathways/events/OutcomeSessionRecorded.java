package uk.nhs.pathways.events;

import java.time.LocalDate;

/** For ICSs: one session of a course, attended or missed (or cancelled by the provider). */
public record OutcomeSessionRecorded(
        EpisodeContext episode, int sessionNumber, LocalDate sessionOn, Attendance attendance) {}
