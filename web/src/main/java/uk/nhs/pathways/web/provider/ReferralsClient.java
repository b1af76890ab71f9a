package uk.nhs.pathways.web.provider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.web.provider.ProviderApi.Answer;
import uk.nhs.pathways.web.provider.ProviderApi.Booking;
import uk.nhs.pathways.web.provider.ProviderApi.Cancellation;
import uk.nhs.pathways.web.provider.ProviderApi.ClassRegister;
import uk.nhs.pathways.web.provider.ProviderApi.Course;
import uk.nhs.pathways.web.provider.ProviderApi.DropOut;
import uk.nhs.pathways.web.provider.ProviderApi.MeasureEntry;
import uk.nhs.pathways.web.provider.ProviderApi.Referral;
import uk.nhs.pathways.web.provider.ProviderApi.SessionEntry;
import uk.nhs.pathways.web.provider.ProviderApi.TimelineEntry;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** referral-service, as the signed-in provider: the service scopes every call to the provider's organisation. */
@RegisterRestClient(configKey = "referrals")
@RegisterProvider(ForwardUserToken.class)
public interface ReferralsClient {

    @GET
    @Path("/referrals")
    List<Referral> list(@QueryParam("status") String status, @QueryParam("size") int size);

    @GET
    @Path("/referrals/{id}")
    Referral get(@PathParam("id") String id);

    @GET
    @Path("/referrals/{id}/timeline")
    List<TimelineEntry> timeline(@PathParam("id") String id);

    @POST
    @Path("/referrals/{id}/response")
    Referral respond(@PathParam("id") String id, Answer answer);

    @POST
    @Path("/referrals/{id}/booking")
    Referral book(@PathParam("id") String id, Booking booking);

    @POST
    @Path("/referrals/{id}/booking/cancellation")
    Referral cancelBooking(@PathParam("id") String id, Cancellation cancellation);

    @GET
    @Path("/referrals/{id}/course")
    Course course(@PathParam("id") String id);

    @PUT
    @Path("/referrals/{id}/course/sessions/{n}")
    Course recordSession(@PathParam("id") String id, @PathParam("n") int number, SessionEntry entry);

    @POST
    @Path("/referrals/{id}/course/drop-out")
    Course dropOut(@PathParam("id") String id, DropOut dropOut);

    @POST
    @Path("/referrals/{id}/course/measures")
    Course recordMeasure(@PathParam("id") String id, MeasureEntry measure);

    @GET
    @Path("/classes/{classId}/register")
    ClassRegister classRegister(@PathParam("classId") String classId);

    @POST
    @Path("/classes/{classId}/sessions/{n}/cancellation")
    String cancelSession(@PathParam("classId") String classId, @PathParam("n") int number);
}
