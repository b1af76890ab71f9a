package uk.nhs.pathways.referral.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A class that fits the person, where it ranks and why: funded (the person's commissioner covers the
 * provider for this course), when it starts, how far it is, and which of the person's preferences it met.
 */
public record RankedClass(
        int rank,
        String classId,
        String siteId,
        String siteName,
        String providerId,
        String providerName,
        LocalDate startDate,
        List<DayOfWeek> days,
        LocalTime startTime,
        int sessions,
        long distanceMetres,
        boolean funded,
        List<String> preferencesMet) {}
