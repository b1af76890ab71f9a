package uk.nhs.pathways.sitedirectory.cohort.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;

/** A class as the API shows it, with where it is; {@code distanceMetres} only in search results. */
@Schema(name = "Class")
public record ClassResponse(
        String id,
        String siteId,
        String siteName,
        String providerId,
        String providerName,
        ProviderType providerType,
        Setting setting,
        String postcode,
        double latitude,
        double longitude,
        List<Joint> programmes,
        LocalDate startDate,
        LocalDate endDate,
        List<DayOfWeek> days,
        LocalTime startTime,
        LocalTime endTime,
        int durationMinutes,
        int sessions,
        int weeks,
        boolean reducedVariant,
        int capacity,
        int placesTaken,
        int freePlaces,
        FacilitatorType facilitatorType,
        ClassStatus status,
        long version,
        Long distanceMetres) {

    public static ClassResponse of(Cohort c, Long distanceMetres) {
        return new ClassResponse(
                c.id,
                c.site.id,
                c.site.name,
                c.site.provider.id,
                c.site.provider.name,
                c.site.provider.type,
                c.site.setting,
                c.site.postcode,
                c.site.latitude,
                c.site.longitude,
                c.programmes(),
                c.startDate,
                c.endDate,
                c.days(),
                c.startTime,
                c.endTime(),
                c.durationMinutes,
                c.sessions,
                c.weeks(),
                c.isReducedVariant(),
                c.capacity,
                c.placesTaken,
                c.freePlaces(),
                c.facilitatorType,
                c.status,
                c.version,
                distanceMetres);
    }
}
