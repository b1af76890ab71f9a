package uk.nhs.pathways.web.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalDemoSignInResourceTest {

    @Test
    void signInOnlyEverReturnsToAPathOnThisSite() {
        assertThat(LocalDemoSignInResource.safeReturn("//evil.example/")).isEqualTo("/");
        assertThat(LocalDemoSignInResource.safeReturn("https://evil.example/")).isEqualTo("/");
        assertThat(LocalDemoSignInResource.safeReturn("/\\evil.example")).isEqualTo("/");
        assertThat(LocalDemoSignInResource.safeReturn(null)).isEqualTo("/");
        assertThat(LocalDemoSignInResource.safeReturn("/provider?tab=booked")).isEqualTo("/provider?tab=booked");
    }
}
