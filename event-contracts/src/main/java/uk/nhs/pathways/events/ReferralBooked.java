package uk.nhs.pathways.events;

import java.time.Instant;

/** A provider booked the referred person into a class: one place taken in that class. */
public record ReferralBooked(String referralId, String classId, String siteId, String providerId, Instant bookedAt) {}
