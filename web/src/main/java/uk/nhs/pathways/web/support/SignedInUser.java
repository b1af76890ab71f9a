package uk.nhs.pathways.web.support;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is looking at a page: their role and organisation, as their token says. */
@RequestScoped
@jakarta.inject.Named("user")
public class SignedInUser {

    public static final String REFERRER = "referrer";
    public static final String PROVIDER = "provider";
    public static final String COMMISSIONER = "commissioner";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    /** The roles the pages know, in the order a person holding several sees them. */
    static final List<String> ROLES = List.of(PROVIDER, REFERRER, COMMISSIONER, ANALYST, ADMIN);

    @Inject
    SecurityIdentity identity;

    @Inject
    uk.nhs.pathways.web.WebConfig config;

    public boolean localDemo() {
        return config.signIn() == uk.nhs.pathways.web.WebConfig.SignIn.LOCAL_DEMO;
    }

    public String signInPath() {
        return localDemo() ? "/sign-in?return=/" : "/start";
    }

    public String signOutPath() {
        return localDemo() ? "/sign-in/out" : "/sign-out";
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The role the pages act in (a person normally holds one). */
    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst().orElse("");
    }

    /** GP practice ODS code (referrer), provider id (provider) or ICB ODS code (commissioner, analyst). */
    public String organisation() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object org = token.getClaim("org_id");
            return org == null ? "" : org.toString();
        }
        return "";
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The token forwarded to the services; empty for an anonymous visitor. */
    public Optional<String> accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return Optional.ofNullable(credential).map(AccessTokenCredential::getToken);
    }

    /** What the header shows: "Provider · nhs-msk-qwo". */
    public String description() {
        String role = role();
        if (role.isEmpty()) {
            return "";
        }
        String label = switch (role) {
            case REFERRER -> "FCP";
            case PROVIDER -> "Provider";
            case COMMISSIONER -> "Commissioner";
            case ANALYST -> "ICS analyst";
            default -> "Administrator";
        };
        return organisation().isEmpty() ? label : label + " · " + organisation();
    }
}
