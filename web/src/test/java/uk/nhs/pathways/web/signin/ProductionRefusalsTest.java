package uk.nhs.pathways.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.nhs.pathways.web.WebConfig;

class ProductionRefusalsTest {

    @Test
    void theLocalDemoSignInIsRefused() {
        assertThat(ProductionRefusals.refusals(
                        WebConfig.SignIn.LOCAL_DEMO, "a-real-key-from-a-secret-store-0123456789"))
                .singleElement()
                .asString()
                .contains("local-demo");
    }

    @Test
    void theCommittedCsrfKeyIsRefused() {
        assertThat(ProductionRefusals.refusals(
                        WebConfig.SignIn.OIDC, "local-demo-csrf-signing-key-not-a-secret-000000"))
                .singleElement()
                .asString()
                .contains("CSRF");
    }

    @Test
    void oidcWithARealKeyStarts() {
        assertThat(ProductionRefusals.refusals(WebConfig.SignIn.OIDC, "a-real-key-from-a-secret-store-0123456789"))
                .isEmpty();
    }
}
