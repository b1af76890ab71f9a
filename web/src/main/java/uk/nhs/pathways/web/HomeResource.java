package uk.nhs.pathways.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import uk.nhs.pathways.web.support.SignedInUser;

/** The front door: each role's own start page once signed in; otherwise what the site offers. */
@Path("/")
public class HomeResource {

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance home(boolean localDemo);
    }

    @Inject
    SignedInUser user;

    @Inject
    WebConfig config;

    /** Signing in with OIDC: any protected path starts the code flow; this one then goes home. */
    @GET
    @Path("start")
    @io.quarkus.security.Authenticated
    public Response start() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        String start = switch (user.role()) {
            case SignedInUser.PROVIDER -> "/provider";
            case SignedInUser.REFERRER -> "/fcp";
            case SignedInUser.COMMISSIONER, SignedInUser.ANALYST -> "/dashboard";
            default -> null;
        };
        if (start != null) {
            return Response.seeOther(URI.create(start)).build();
        }
        return Response.ok(Templates.home(config.signIn() == WebConfig.SignIn.LOCAL_DEMO)
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }
}
