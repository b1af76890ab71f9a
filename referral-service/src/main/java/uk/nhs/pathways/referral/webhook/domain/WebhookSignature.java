package uk.nhs.pathways.referral.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver knows a delivery came from Pathways and was not altered or replayed: the
 * {@code Pathways-Signature} header is {@code v1=} followed by the lower-case hex HMAC-SHA256, keyed
 * with the subscription's secret (its UTF-8 bytes, as shown once at registration), of the
 * {@code Pathways-Timestamp} header's value, a full stop, and the raw request body. A new attempt of
 * the same delivery has a new timestamp and so a new signature; the body, and the delivery id in it,
 * stay the same.
 */
public final class WebhookSignature {

    public static final String VERSION = "v1";

    private WebhookSignature() {}

    /** The header value for this secret, timestamp (seconds since the epoch) and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
