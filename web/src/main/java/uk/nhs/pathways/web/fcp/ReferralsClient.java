package uk.nhs.pathways.web.fcp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** referral-service as an FCP calls it, with the FCP's own token: the service scopes it to the practice. */
@Path("/referrals")
@RegisterRestClient(configKey = "referrals")
@RegisterProvider(ForwardUserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReferralsClient {

    @GET
    List<ReferralViews.Referral> list(
            @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    ReferralViews.Referral get(@PathParam("id") String id);

    @GET
    @Path("/{id}/timeline")
    List<ReferralViews.Step> timeline(@PathParam("id") String id);

    @POST
    @Path("/{id}/withdrawal")
    ReferralViews.Referral withdraw(@PathParam("id") String id, ReferralViews.Withdrawal withdrawal);

    @POST
    @Path("/{id}/reroute")
    ReferralViews.Referral reroute(@PathParam("id") String id, ReferralViews.Reroute reroute);
}
