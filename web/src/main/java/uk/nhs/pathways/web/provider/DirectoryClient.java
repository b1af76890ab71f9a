package uk.nhs.pathways.web.provider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import uk.nhs.pathways.web.provider.ProviderApi.ClassBody;
import uk.nhs.pathways.web.provider.ProviderApi.ClassInfo;
import uk.nhs.pathways.web.provider.ProviderApi.Site;
import uk.nhs.pathways.web.support.ForwardUserToken;

/** site-directory-service, as the signed-in provider: the directory decides which sites and classes it may change. */
@RegisterRestClient(configKey = "site-directory")
@RegisterProvider(ForwardUserToken.class)
public interface DirectoryClient {

    @GET
    @Path("/providers/{id}/sites")
    List<Site> sitesOf(@PathParam("id") String providerId);

    @GET
    @Path("/sites/{id}/classes")
    List<ClassInfo> classesAt(@PathParam("id") String siteId);

    @GET
    @Path("/classes/{id}")
    ClassInfo classById(@PathParam("id") String id);

    @POST
    @Path("/classes")
    ClassInfo addClass(ClassBody body);

    /** {@code ifMatch}: the class's version as its ETag, {@code "7"}. */
    @PUT
    @Path("/classes/{id}")
    ClassInfo updateClass(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ClassBody body);

    @POST
    @Path("/classes/{id}/cancel")
    ClassInfo cancelClass(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch);
}
