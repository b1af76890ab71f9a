package uk.nhs.pathways.referral.webhook.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uk.nhs.pathways.referral.webhook.WebhookConfig;

/**
 * Subscription secrets: made here, shown to the subscriber once, and kept only sealed with AES-256-GCM
 * under the service's webhook key (pathways.webhooks.secret-key, from a secret store outside the
 * database). The subscription id is bound in as associated data, so a sealed secret copied onto
 * another subscription does not open. A database dump alone yields no secret.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public WebhookSecrets(WebhookConfig config) {
        this(config.secretKey());
    }

    public WebhookSecrets(String keyMaterial) {
        if (keyMaterial == null || keyMaterial.isBlank()) {
            throw new IllegalArgumentException("pathways.webhooks.secret-key is not set");
        }
        this.key = new SecretKeySpec(derive(keyMaterial), "AES");
    }

    /** A new signing secret: 256 random bits, URL-safe text. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public byte[] seal(UUID subscriptionId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(FORMAT)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    /** The secret; fails if it was sealed under another key or for another subscription, or altered. */
    public String open(UUID subscriptionId, byte[] sealed) {
        if (sealed.length <= 1 + NONCE_BYTES || sealed[0] != FORMAT) {
            throw new IllegalStateException("not a sealed webhook secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] secret = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(secret, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open webhook secret of subscription " + subscriptionId, e);
        }
    }

    /** A 256-bit AES key from the configured text, whatever its length. */
    private static byte[] derive(String keyMaterial) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyMaterial.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("pathways webhook secrets v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
