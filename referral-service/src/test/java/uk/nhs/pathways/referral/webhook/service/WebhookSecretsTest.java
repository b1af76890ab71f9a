package uk.nhs.pathways.referral.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    final WebhookSecrets secrets = new WebhookSecrets("a-test-key");

    @Test
    void aSecretIsLongRandomAndKeptOnlySealed() {
        String secret = secrets.newSecret();
        assertThat(secret).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(secrets.newSecret());

        UUID subscription = UUID.randomUUID();
        byte[] sealed = secrets.seal(subscription, secret);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6));
        assertThat(secrets.open(subscription, sealed)).isEqualTo(secret);
        assertThat(secrets.seal(subscription, secret)).isNotEqualTo(sealed); // a fresh nonce each time
    }

    @Test
    void aSealedSecretOpensOnlyForItsSubscriptionUnderItsKeyAndUnaltered() {
        UUID subscription = UUID.randomUUID();
        byte[] sealed = secrets.seal(subscription, "whsec_x");

        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WebhookSecrets("another-key").open(subscription, sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> secrets.open(subscription, altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WebhookSecrets(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
