package uk.nhs.pathways.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The register for one person at one session of their course, on a date the class's schedule produces.
 * Recorded once per session: recording the same answer again changes nothing and publishes nothing.
 *
 * @param sessionNumber 1 for the first session of the schedule
 */
public record AttendanceRecorded(
        String referralId,
        String courseId,
        String classId,
        int sessionNumber,
        LocalDate sessionOn,
        Attendance attendance,
        Instant recordedAt) {}
