package uk.nhs.pathways.referral.lifecycle.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.nhs.pathways.referral.ReferralConfig;

/**
 * Stable pseudonyms for people: a keyed hash (HMAC-SHA256) of the NHS number. Outcome consumers can
 * follow one person across referrals without ever learning who it is; without the key nobody can
 * test a guessed NHS number against a pseudonym.
 */
@ApplicationScoped
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(ReferralConfig config) {
        this.key = new SecretKeySpec(config.pseudonym().key().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String nhsNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(nhsNumber.getBytes(StandardCharsets.US_ASCII));
            return "p-"
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
