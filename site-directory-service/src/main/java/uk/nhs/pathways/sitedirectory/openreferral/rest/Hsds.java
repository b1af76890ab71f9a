package uk.nhs.pathways.sitedirectory.openreferral.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Open Referral UK profile of HSDS 3.0, as far as the directory fills it: the JSON shapes of the
 * open feed. Field names are the standard's (snake_case); fields the directory has no value for are
 * left out rather than sent empty.
 */
public final class Hsds {

    private Hsds() {}

    /** {@code GET /}: which standard and profile this API follows. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiInfo(String version, String profile, String openapiUrl) {}

    /** A page of results, numbered from 1 as the standard does. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(
            long totalItems,
            long totalPages,
            int pageNumber,
            int size,
            boolean firstPage,
            boolean lastPage,
            boolean empty,
            List<T> contents) {

        static <T> Page<T> of(List<T> contents, long total, int page, int perPage) {
            long pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
            return new Page<>(
                    total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(), contents);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Organization(String id, String name, String description) {}

    /**
     * A service: ESCAPE-pain as delivered at one site. In a list only the one-to-one fields and the
     * organization; in full also its service_at_locations and schedules (one per class to come).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(
            String id,
            String organizationId,
            String name,
            String description,
            String status,
            String eligibilityDescription,
            String alert,
            OffsetDateTime lastModified,
            Organization organization,
            List<ServiceAtLocation> serviceAtLocations,
            List<Schedule> schedules) {}

    /**
     * A service at its location. {@code distance} is this feed's one extension to the standard: metres
     * from the searched postcode's district centre, only in a search by postcode (directory tools ignore
     * fields they do not know).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceAtLocation(
            String id, String serviceId, String locationId, Location location, Service service, Long distance) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Location(
            String id,
            String locationType,
            String name,
            String description,
            Double latitude,
            Double longitude,
            List<Address> addresses,
            List<Accessibility> accessibility) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String id,
            String locationId,
            @JsonProperty("address_1") String address1,
            String city,
            String postalCode,
            String country,
            String addressType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Accessibility(String id, String locationId, String description) {}

    /** One class as an RFC 5545-style recurrence: weekly on its days, {@code count} sessions from dtstart. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Schedule(
            String id,
            String serviceId,
            String locationId,
            LocalDate validFrom,
            LocalDate validTo,
            LocalDate dtstart,
            String freq,
            Integer interval,
            String byday,
            Integer count,
            String opensAt,
            String closesAt,
            String description,
            String attendingType,
            String notes) {}
}
