package uk.nhs.pathways.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens from the local-demo issuer, signed exactly as bin/dev-token signs them (RS256, same
 * issuer, audience, claims): the services verify them as they would a production issuer's.
 */
final class DevTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;

    DevTokens(Path pem) throws Exception {
        String base64 = Files.readString(pem)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        this.key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** An 8-hour token for {@code role} at {@code org}, as {@code bin/dev-token ROLE ORG} mints it. */
    String mint(String role, String org) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"pathways-dev\"}";
        String claims = String.format(
                "{\"iss\":\"https://pathways.local/dev-issuer\",\"aud\":\"pathways-api\",\"sub\":\"load-%s-%s\","
                        + "\"groups\":[\"%s\"],\"org_id\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
                role, org, role, org, now, now + 28800, UUID.randomUUID());
        String unsigned = encode(header) + "." + encode(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + URL.encodeToString(rs256.sign());
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
