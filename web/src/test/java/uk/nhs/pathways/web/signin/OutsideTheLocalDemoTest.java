package uk.nhs.pathways.web.signin;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With any sign-in but the local demo's, its password-less page does not exist. */
@QuarkusTest
@TestProfile(OutsideTheLocalDemoTest.OidcSignIn.class)
class OutsideTheLocalDemoTest {

    public static class OidcSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pathways.web.sign-in", "oidc");
        }
    }

    @Test
    void theLocalDemoSignInIsNotFound() {
        given().get("/sign-in").then().statusCode(404);
        given().redirects().follow(false).get("/sign-in/out").then().statusCode(404);
    }

    @Test
    void aLocalDemoSessionCookieIsNotASession() {
        given().redirects()
                .follow(false)
                .cookie("pathways-session", uk.nhs.pathways.testing.TestTokens.token("provider", "nhs-msk-qwo"))
                .get("/start")
                .then()
                .statusCode(401);
    }
}
