package uk.nhs.pathways.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** outcomes-service's reports, as the signed-in person may read them (it scopes them to their ICB). */
@RegisterRestClient(configKey = "outcomes")
@RegisterProvider(ForwardUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface OutcomesReports {

    @GET
    @Path("/reports/monthly-activity")
    JsonNode monthlyActivity(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/reports/quarterly")
    JsonNode quarterly(@QueryParam("quarter") String quarter);

    @GET
    @Path("/reports/contract-alerts")
    JsonNode contractAlerts(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/measures")
    JsonNode measures();
}
