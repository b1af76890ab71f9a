package uk.nhs.pathways.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens signed with the local-demo issuer key (deploy/local/dev-issuer), which the services
 * verify exactly as in production: signature, issuer, audience, expiry, roles from {@code groups}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://pathways.local/dev-issuer";
    public static final String AUDIENCE = "pathways-api";

    private static final PrivateKey KEY = load();

    private TestTokens() {}

    /** A valid token for a user with one role in one organisation. */
    public static String token(String role, String organisation) {
        return sign(role, organisation, Instant.now().plusSeconds(600), KEY);
    }

    /** A token that expired ten minutes ago. */
    public static String expired(String role, String organisation) {
        return sign(role, organisation, Instant.now().minusSeconds(600), KEY);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String signedByStranger(String role, String organisation) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    role,
                    organisation,
                    Instant.now().plusSeconds(600),
                    generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String role, String organisation, Instant expiresAt, PrivateKey key) {
        var claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-" + role + "-" + UUID.randomUUID().toString().substring(0, 8))
                .groups(Set.of(role))
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt);
        if (organisation != null) {
            claims.claim("org_id", organisation);
        }
        return claims.jws().keyId("pathways-dev").sign(key);
    }

    private static PrivateKey load() {
        try (InputStream pem = TestTokens.class.getResourceAsStream("/dev-issuer/private-key.pem")) {
            if (pem == null) {
                throw new IllegalStateException("dev-issuer/private-key.pem is not on the classpath");
            }
            return KeyUtils.decodePrivateKey(new String(pem.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
