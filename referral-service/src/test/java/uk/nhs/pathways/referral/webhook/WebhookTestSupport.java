package uk.nhs.pathways.referral.webhook;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.nhs.pathways.testing.TestTokens;

/** Subscriptions made through the API for tests, a receiver that takes everything, and an independent HMAC check. */
public final class WebhookTestSupport {

    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();
    private static WebhookReceiver sink;

    private WebhookTestSupport() {}

    /** A subscription's id and the secret shown once. */
    public record Subscribed(String id, String secret) {}

    /** A practice code no other test uses, so each test sees only its own deliveries. */
    public static String newPractice() {
        return "T"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase();
    }

    public static Subscribed subscribe(String practice, String callbackUrl) {
        var created = given().auth()
                .oauth2(TestTokens.token("referrer", practice))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", callbackUrl))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Subscribed(created.getString("id"), created.getString("secret"));
    }

    /** The URL of a receiver that answers 204 to everything, for subscriptions whose deliveries no test reads. */
    public static synchronized String sinkUrl() {
        if (sink == null) {
            try {
                sink = WebhookReceiver.answering(call -> 204);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sink.url();
    }

    /** One subscription of the practice, made once and reused. */
    public static String sharedSubscription(String practice) {
        return SHARED.computeIfAbsent(practice, p -> subscribe(p, sinkUrl()).id());
    }

    /** A new subscription of the practice. */
    public static String freshSubscription(String practice) {
        return subscribe(practice, sinkUrl()).id();
    }

    /** The signature a receiver computes itself: written here from the README's description, not the service's code. */
    public static String expectedSignature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1="
                    + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
