package uk.nhs.pathways.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person attended the first session of their course: one booking into one class (a re-booking starts
 * a new course). Pseudonymous: the referral id and course id only.
 *
 * @param sessionsPlanned sessions in the class's schedule
 * @param reduced         fewer sessions than the standard 12-session course: recorded as such, never
 *                        passed off as standard
 */
public record CourseStarted(
        String referralId,
        String courseId,
        String classId,
        String siteId,
        String providerId,
        int sessionsPlanned,
        boolean reduced,
        LocalDate firstSessionOn,
        Instant recordedAt) {}
