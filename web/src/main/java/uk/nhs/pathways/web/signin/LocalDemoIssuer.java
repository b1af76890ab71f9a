package uk.nhs.pathways.web.signin;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import uk.nhs.pathways.web.WebConfig;

/**
 * LOCAL DEMO ONLY: mints tokens from the committed local-demo issuer (deploy/local/dev-issuer, not a
 * secret), exactly as {@code bin/dev-token} does, so the services verify them like any other.
 */
@ApplicationScoped
public class LocalDemoIssuer {

    static final String ISSUER = "https://pathways.local/dev-issuer";
    static final String AUDIENCE = "pathways-api";

    /** A session lasts a working day, as the demo tokens do. */
    static final Duration LIFETIME = Duration.ofHours(8);

    @Inject
    WebConfig config;

    private volatile PrivateKey key;

    public String mint(String role, String organisation, String subject, Instant now, Duration lifetime) {
        var claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString());
        if (organisation != null && !organisation.isBlank()) {
            claims.claim("org_id", organisation);
        }
        return claims.jws().keyId("pathways-dev").sign(key());
    }

    private PrivateKey key() {
        PrivateKey loaded = key;
        if (loaded == null) {
            var path = config.devIssuerKey()
                    .orElseThrow(() -> new IllegalStateException("pathways.web.dev-issuer-key is not set"));
            try {
                String pem = Files.readString(path)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
                loaded = KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("Cannot read the local-demo issuer key " + path, e);
            }
            key = loaded;
        }
        return loaded;
    }
}
