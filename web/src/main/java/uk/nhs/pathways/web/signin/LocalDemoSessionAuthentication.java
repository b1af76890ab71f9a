package uk.nhs.pathways.web.signin;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import uk.nhs.pathways.web.WebConfig;

/**
 * LOCAL DEMO ONLY: a page request's session is the local-demo token in its cookie, verified by the OIDC
 * extension exactly as a bearer token (signature, issuer, audience, expiry). Without one, or with an
 * expired one, the browser is sent to sign-in and then back to the page. Inactive unless
 * {@code pathways.web.sign-in=local-demo}; every real deployment signs in with the OIDC code flow.
 */
@ApplicationScoped
@LookupIfProperty(name = "pathways.web.sign-in", stringValue = "local-demo")
public class LocalDemoSessionAuthentication implements HttpAuthenticationMechanism {

    @Inject
    WebConfig config;

    private boolean active() {
        return config.signIn() == WebConfig.SignIn.LOCAL_DEMO;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!active()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        var request = new TokenAuthenticationRequest(new AccessTokenCredential(cookie.getValue()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // An expired or tampered session is no session: the page then asks to sign in again.
        return identities.authenticate(request).onFailure().recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!active()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String back = context.request().uri();
        String signIn = "/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (context.request().getHeader("HX-Request") != null) {
            // htmx follows HX-Redirect with a full page load; a 302 would be swapped into the page.
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", signIn));
        }
        return Uni.createFrom().item(new ChallengeData(302, HttpHeaderNames.LOCATION, signIn));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        // Ahead of the OIDC bearer mechanism, whose challenge (401) is for API clients, not browsers.
        return DEFAULT_PRIORITY + 1000;
    }
}
