package uk.nhs.pathways.events;

import java.time.LocalDate;

/** For ICSs: how a course ended, with the sessions planned, held (not cancelled) and attended. */
public record OutcomeCourseEnded(
        EpisodeContext episode,
        CourseOutcome outcome,
        DropOutReason dropOutReason,
        int sessionsPlanned,
        int sessionsHeld,
        int sessionsAttended,
        boolean reduced,
        LocalDate endedOn) {}
