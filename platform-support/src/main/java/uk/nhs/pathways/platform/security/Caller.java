package uk.nhs.pathways.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling and for which organisation, from the verified bearer token. */
@RequestScoped
public class Caller {

    /** Claim naming the caller's organisation: GP practice, provider or ICB (ODS code or platform id). */
    public static final String ORGANISATION_CLAIM = "org_id";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public Optional<String> organisation() {
        return Optional.ofNullable(token.<Object>getClaim(ORGANISATION_CLAIM))
                .map(Object::toString)
                .filter(s -> !s.isBlank());
    }

    /** The organisation of a caller whose role requires one; a token without it is refused. */
    public String requireOrganisation() {
        return organisation()
                .orElseThrow(() -> new io.quarkus.security.ForbiddenException("token has no " + ORGANISATION_CLAIM));
    }
}
