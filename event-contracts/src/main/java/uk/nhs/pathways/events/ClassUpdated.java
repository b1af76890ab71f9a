package uk.nhs.pathways.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Full state of a class (a cohort of one course at one site), published on every change including
 * places taken, so the latest record per class id on the compacted classes topic is the class.
 *
 * @param programmes      joints the course covers
 * @param days            weekdays it meets, e.g. {@code TUESDAY}, {@code THURSDAY}
 * @param sessions        sessions in the course (12 standard)
 * @param capacity        places in the group (typically 6-12)
 * @param placesTaken     places reserved so far
 * @param durationMinutes length of each session (added within v1; 0 in older events means 60)
 */
public record ClassUpdated(
        String classId,
        String siteId,
        String providerId,
        List<Joint> programmes,
        LocalDate startDate,
        List<DayOfWeek> days,
        LocalTime startTime,
        int sessions,
        int capacity,
        int placesTaken,
        FacilitatorType facilitatorType,
        ClassStatus status,
        int durationMinutes) {}
