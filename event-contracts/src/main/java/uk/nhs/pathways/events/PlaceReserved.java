package uk.nhs.pathways.events;

import java.time.Instant;
import java.time.LocalDate;

/** The site directory reserved a place in a class for a referral (a booking request's answer). */
public record PlaceReserved(
        String referralId,
        int requestNumber,
        String classId,
        String siteId,
        String providerId,
        int sessions,
        LocalDate startDate,
        Instant reservedAt) {}
