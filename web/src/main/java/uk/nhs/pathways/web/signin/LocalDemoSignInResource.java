package uk.nhs.pathways.web.signin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.nhs.pathways.web.WebConfig;

/**
 * LOCAL DEMO ONLY: pick a role and an organisation and get a session, with no password. It exists only
 * when {@code pathways.web.sign-in=local-demo} (the local run and the tests); everywhere else this path
 * is "not found" and people sign in with the OIDC code flow.
 */
@Path("/sign-in")
public class LocalDemoSignInResource {

    /** Demo organisations with data in the local run, per role: id and what it is. */
    static final Map<String, List<Organisation>> DEMO_ORGANISATIONS = Map.of(
            "provider",
            List.of(
                    new Organisation("nhs-msk-qwo", "Leeds Community MSK (NHS)"),
                    new Organisation("council-qwo", "Leeds City Council (local authority)")),
            "referrer",
            List.of(new Organisation("B86030", "Burton Croft Surgery, Leeds")),
            "commissioner",
            List.of(new Organisation("QWO", "NHS West Yorkshire ICB")),
            "analyst",
            List.of(new Organisation("QWO", "NHS West Yorkshire ICB")));

    public record Organisation(String id, String name) {}

    public record Choice(String role, String label, List<Organisation> organisations) {}

    static final List<Choice> CHOICES = List.of(
            new Choice("provider", "Provider staff", DEMO_ORGANISATIONS.get("provider")),
            new Choice("referrer", "First Contact Physiotherapist (FCP)", DEMO_ORGANISATIONS.get("referrer")),
            new Choice("commissioner", "Commissioner", DEMO_ORGANISATIONS.get("commissioner")),
            new Choice("analyst", "ICS analyst", DEMO_ORGANISATIONS.get("analyst")));

    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance signIn(
                List<Choice> choices, String returnTo, String error, String role, String organisation);
    }

    @Inject
    WebConfig config;

    @Inject
    LocalDemoIssuer issuer;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("return") String returnTo) {
        requireLocalDemo();
        return Templates.signIn(CHOICES, safeReturn(returnTo), null, "provider", "");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(
            @FormParam("role") String role,
            @FormParam("organisation") String organisation,
            @FormParam("return") String returnTo) {
        requireLocalDemo();
        String back = safeReturn(returnTo);
        Choice choice =
                CHOICES.stream().filter(c -> c.role().equals(role)).findFirst().orElse(null);
        if (choice == null) {
            return Response.status(400)
                    .entity(Templates.signIn(CHOICES, back, "Choose who you are signing in as", role, organisation)
                            .render())
                    .build();
        }
        if (organisation == null || !ORGANISATION.matcher(organisation).matches()) {
            return Response.status(400)
                    .entity(Templates.signIn(CHOICES, back, "Enter your organisation's code", role, organisation)
                            .render())
                    .build();
        }
        String token = issuer.mint(
                role, organisation, "demo-" + role + "-" + organisation, Instant.now(), LocalDemoIssuer.LIFETIME);
        return Response.seeOther(URI.create(back))
                .cookie(session(token, (int) LocalDemoIssuer.LIFETIME.toSeconds()))
                .build();
    }

    @GET
    @Path("/out")
    public Response signOut() {
        requireLocalDemo();
        return Response.seeOther(URI.create("/")).cookie(session("", 0)).build();
    }

    NewCookie session(String token, int maxAge) {
        return new NewCookie.Builder(SessionCookie.NAME)
                .value(token)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private void requireLocalDemo() {
        if (config.signIn() != WebConfig.SignIn.LOCAL_DEMO) {
            throw new NotFoundException();
        }
    }

    /** Only a path on this site: never an open redirect to another one. */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")) {
            return "/";
        }
        return returnTo;
    }
}
