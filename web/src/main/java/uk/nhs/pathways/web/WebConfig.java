package uk.nhs.pathways.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** How people sign in to the pages, and how the session cookie is kept. */
@ConfigMapping(prefix = "pathways.web")
public interface WebConfig {

    /** {@code oidc} (authorization code flow, every real deployment) or {@code local-demo}. */
    @WithDefault("oidc")
    SignIn signIn();

    /** The local-demo issuer's private key (PEM); read only when {@link #signIn()} is local-demo. */
    Optional<Path> devIssuerKey();

    /** Session and CSRF cookies only over https (and loopback, which browsers treat as secure). */
    @WithDefault("true")
    boolean secureCookies();

    enum SignIn {
        OIDC,
        LOCAL_DEMO
    }
}
