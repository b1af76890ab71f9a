package uk.nhs.pathways.events;

import java.time.Instant;
import java.util.List;

/**
 * The site directory could not reserve a place in any of the classes a booking request named.
 *
 * @param refusals why, class by class, in the order asked
 */
public record PlaceRefused(String referralId, int requestNumber, List<ClassRefusal> refusals, Instant refusedAt) {

    public record ClassRefusal(String classId, PlaceRefusal reason) {}
}
