package uk.nhs.pathways.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** contract-service's contracts and their utilisation (a commissioner's own ICB's). */
@RegisterRestClient(configKey = "contracts")
@RegisterProvider(ForwardUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface Contracts {

    @GET
    @Path("/contracts")
    JsonNode list();

    @GET
    @Path("/contracts/{id}/utilisation")
    JsonNode utilisation(@PathParam("id") String id, @QueryParam("period") String period);
}
