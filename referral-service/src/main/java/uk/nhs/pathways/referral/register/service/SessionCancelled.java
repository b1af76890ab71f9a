package uk.nhs.pathways.referral.register.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A session cancelled for a class.
 *
 * @param courses courses of the class that record it as cancelled
 */
public record SessionCancelled(
        String classId, int sessionNumber, LocalDate sessionOn, OffsetDateTime cancelledAt, long courses) {}
