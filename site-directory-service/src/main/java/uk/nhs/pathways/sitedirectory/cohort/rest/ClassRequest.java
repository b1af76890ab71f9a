package uk.nhs.pathways.sitedirectory.cohort.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;

/**
 * A class (cohort) as a provider or administrator describes it. The rules (capacity range, a schedule
 * that fits the sessions, a site that still delivers) are checked together by the service, so one 400
 * names every field at fault.
 */
@Schema(name = "ClassRequest", description = "A class: one cohort of an ESCAPE-pain course at a site")
public record ClassRequest(
        @Schema(example = "0b5f3c8e-5a55-4f0e-9d1c-2f3a4b5c6d7e")
        String siteId,

        @Schema(
                description = "Joints the course covers; a subset of the site's programmes",
                example = "[\"KNEE\", \"HIP\"]")
        List<Joint> programmes,

        @Schema(description = "Date of the first session; must be one of the days", example = "2026-12-01")
        LocalDate startDate,

        @Schema(
                description = "Weekdays the class meets (1 to 3); sessions must fill whole weeks",
                example = "[\"TUESDAY\", \"THURSDAY\"]")
        List<DayOfWeek> days,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                format = "time",
                example = "10:00")
        LocalTime startTime,

        @Schema(description = "Length of each session; 60 if omitted", example = "60")
        Integer durationMinutes,

        @Schema(
                description = "12 is the standard course (6 weeks, twice a week); fewer is a reduced variant",
                example = "12")
        int sessions,

        @Schema(description = "Places in the group: 4 to 20, typically 6-12", example = "10")
        int capacity,

        FacilitatorType facilitatorType,

        @Schema(description = "SCHEDULED for a new class; COMPLETED and CANCELLED are final")
        ClassStatus status) {

    Classes.ClassDetails details() {
        return new Classes.ClassDetails(
                siteId,
                programmes,
                startDate,
                days,
                startTime,
                durationMinutes,
                sessions,
                capacity,
                facilitatorType,
                status);
    }
}
