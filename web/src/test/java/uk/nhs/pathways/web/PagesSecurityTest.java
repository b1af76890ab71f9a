package uk.nhs.pathways.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.TestTokens;

/** The pages' own security, without the services: sign-in, sessions, CSRF, headers. */
@QuarkusTest
class PagesSecurityTest {

    @Test
    void signingInSetsAnHttpOnlySameSiteSessionAndGoesBack() {
        Response form = given().get("/sign-in?return=/fcp");
        String csrf = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response signedIn = given().redirects()
                .follow(false)
                .cookie("csrf-token", form.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("role", "referrer")
                .formParam("organisation", "B86030")
                .formParam("return", "/fcp")
                .post("/sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/fcp");
        assertThat(signedIn.getDetailedCookie("pathways-session").isHttpOnly()).isTrue();
        assertThat(signedIn.getDetailedCookie("pathways-session").getSameSite()).isEqualTo("Lax");

        given().redirects()
                .follow(false)
                .cookie("pathways-session", signedIn.getCookie("pathways-session"))
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/fcp"));
    }

    @Test
    void aMissingOrganisationIsShownNextToTheFieldAndNothingIsSet() {
        Response form = given().get("/sign-in");
        String csrf = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response refused = given().cookie("csrf-token", form.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf)
                .formParam("role", "provider")
                .formParam("organisation", "")
                .post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"organisation-error\"");
        assertThat(refused.getCookie("pathways-session")).isNull();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        Response refused = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("role", "provider")
                .formParam("organisation", "nhs-msk-qwo")
                .post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getCookie("pathways-session")).isNull();
    }

    @Test
    void anExpiredOrForgedSessionIsNoSession() {
        for (String token : new String[] {
            TestTokens.expired("provider", "nhs-msk-qwo"), TestTokens.signedByStranger("provider", "nhs-msk-qwo")
        }) {
            given().redirects()
                    .follow(false)
                    .cookie("pathways-session", token)
                    .get("/start")
                    .then()
                    .statusCode(302)
                    .header("Location", containsString("/sign-in?return=%2Fstart"));
        }
    }

    @Test
    void pagesCarryTheContentSecurityPolicyAndNoCors() {
        Response home = given().header("Origin", "https://elsewhere.example").get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(home.header("Access-Control-Allow-Origin")).isNull();
        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void anUnknownPageIsNotFoundWithoutAStackTrace() {
        Response missing = given().get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body().asString()).contains("Page not found").doesNotContain("Exception");
    }
}
