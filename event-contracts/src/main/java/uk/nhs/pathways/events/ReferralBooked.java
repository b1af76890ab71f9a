package uk.nhs.pathways.events;

import java.time.Instant;

/** The person has a place in a class: the site directory reserved it ({@link PlaceReserved}). */
public record ReferralBooked(String referralId, String classId, String siteId, String providerId, Instant bookedAt) {}
