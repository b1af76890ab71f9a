package uk.nhs.pathways.events;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Full state of a class (a cohort of one course at one site), published on every change including
 * places taken, so the latest record per class id on the compacted classes topic is the class.
 *
 * @param programmes      joints the course covers: {@code KNEE}, {@code HIP}
 * @param days            weekdays it meets, e.g. {@code TUESDAY}, {@code THURSDAY}
 * @param sessions        sessions in the course (12 standard)
 * @param capacity        places in the group (typically 6-12)
 * @param placesTaken     places booked so far
 * @param facilitatorType {@code PHYSIOTHERAPIST}, {@code THERAPY_ASSISTANT} or {@code FITNESS_INSTRUCTOR}
 * @param status          {@code SCHEDULED}, {@code RUNNING}, {@code COMPLETED} or {@code CANCELLED}
 */
public record ClassUpdated(
        String classId,
        String siteId,
        String providerId,
        List<String> programmes,
        LocalDate startDate,
        List<String> days,
        LocalTime startTime,
        int sessions,
        int capacity,
        int placesTaken,
        String facilitatorType,
        String status) {
}
