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

/** site-directory-service's programme report (its own ICB's sites for a commissioner or analyst). */
@RegisterRestClient(configKey = "site-directory")
@RegisterProvider(ForwardUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface SiteReports {

    @GET
    @Path("/reports/site-sustainability")
    JsonNode siteSustainability(@QueryParam("asOf") String asOf);
}
