package uk.nhs.pathways.web.fcp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** site-directory-service's class search, with the FCP's own token. */
@Path("/classes")
@RegisterRestClient(configKey = "site-directory")
@RegisterProvider(ForwardUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryClient {

    @GET
    ClassPage near(
            @QueryParam("postcode") String postcode,
            @QueryParam("within") long withinMetres,
            @QueryParam("programme") String programme,
            @QueryParam("setting") String setting,
            @QueryParam("day") String day,
            @QueryParam("page") int page,
            @QueryParam("size") int size);

    record ClassPage(List<FoundClass> items, int page, int size, long total) {}

    /** A class near the postcode, as the directory describes it (the fields the page shows). */
    record FoundClass(
            String id,
            String siteName,
            String providerName,
            ProviderType providerType,
            Setting setting,
            String postcode,
            List<Joint> programmes,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            LocalTime endTime,
            int sessions,
            int weeks,
            int capacity,
            int freePlaces,
            Long distanceMetres) {}
}
