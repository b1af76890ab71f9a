package uk.nhs.pathways.events;

import java.time.LocalDate;

/** For ICSs: a person began a course (first session attended). */
public record OutcomeCourseStarted(
        EpisodeContext episode, String classId, int sessionsPlanned, boolean reduced, LocalDate firstSessionOn) {}
