package uk.nhs.pathways.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's course ended. {@code sessionsHeld} excludes sessions the provider cancelled; completion is
 * judged on the sessions held.
 *
 * @param dropOutReason for DROPPED_OUT only
 */
public record CourseEnded(
        String referralId,
        String courseId,
        CourseOutcome outcome,
        DropOutReason dropOutReason,
        int sessionsPlanned,
        int sessionsHeld,
        int sessionsAttended,
        boolean reduced,
        LocalDate endedOn,
        Instant recordedAt) {}
