package uk.nhs.pathways.referral.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isTheHexHmacSha256OfTimestampDotBodyKeyedWithTheSecret() {
        // Expected value computed outside Java (Python's hmac module), as a receiver in another language would.
        String body = "{\"deliveryId\":\"d-1\",\"status\":\"OFFERED\"}";
        assertThat(WebhookSignature.sign("whsec_test-secret", 1_700_000_000L, body))
                .isEqualTo("v1=2b54d2e940ba891fc30d26463b4c61616ee9214da1504ca6261ae4d770d60e61");
    }

    @Test
    void changesWithTheTimestampTheBodyAndTheSecret() {
        String signed = WebhookSignature.sign("whsec_a", 1_700_000_000L, "{}");
        assertThat(WebhookSignature.sign("whsec_a", 1_700_000_001L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec_a", 1_700_000_000L, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("whsec_b", 1_700_000_000L, "{}")).isNotEqualTo(signed);
    }
}
