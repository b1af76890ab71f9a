package uk.nhs.pathways.events;

import java.time.Instant;
import java.util.List;

/**
 * A provider asked for a place for a referred person. The site directory, which owns capacity, reserves
 * a place in the first of {@code classIds} that has room and answers on {@code pathways.places.v1}.
 *
 * @param requestNumber counts up per request of one referral, so an answer is matched to its request
 * @param classIds      the provider's choice first, then the classes it would accept instead
 * @param maxSessions   the most sessions the funding contract pays contacts for
 */
public record ReferralBookingRequested(
        String referralId,
        int requestNumber,
        String providerId,
        Joint joint,
        List<String> classIds,
        int maxSessions,
        Instant requestedAt) {}
