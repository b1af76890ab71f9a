package uk.nhs.pathways.web.finder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The site directory's public Open Referral UK (HSDS 3.0) feed, read as any directory tool reads it: with
 * no token (no ForwardUserToken here), so the public pages show only what is public.
 */
@Path("/")
@RegisterRestClient(configKey = "site-directory")
@Produces(MediaType.APPLICATION_JSON)
public interface OpenReferralClient {

    @GET
    @Path("/service_at_locations")
    Page serviceAtLocations(
            @QueryParam("postcode") String postcode,
            @QueryParam("proximity") long proximityMetres,
            @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/services/{id}")
    Service service(@PathParam("id") String id);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page(long totalItems, long totalPages, int pageNumber, List<ServiceAtLocation> contents) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ServiceAtLocation(String id, String serviceId, Location location, Service service, Long distance) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Service(
            String id,
            String name,
            String description,
            String status,
            String eligibilityDescription,
            String alert,
            Organization organization,
            List<Schedule> schedules) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(String id, String name, String description) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Location(
            String id, String name, String description, List<Address> addresses, List<Accessibility> accessibility) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Address(@JsonProperty("address_1") String address1, String city, String postalCode) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Accessibility(String description) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Schedule(
            String id,
            LocalDate validFrom,
            LocalDate validTo,
            String byday,
            Integer count,
            String opensAt,
            String closesAt,
            String description,
            String notes) {}
}
