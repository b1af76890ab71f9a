package uk.nhs.pathways.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The web pages' front door in a real browser: the local-demo sign-in (clearly marked), where a page
 * sends someone not signed in and back, an expired session, the session cookie's flags, CSRF on the
 * sign-in form and the headers every page carries.
 */
@Order(19)
class WebSignInE2ETest {

    @Test
    void aPageAsksToSignInAndComesBackAfterwards() {
        try (Browser browser = Browser.open()) {
            browser.go("/");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Pathways");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".pathways-demo-banner"))
                            .getText())
                    .contains("Local demo");
            browser.assertAccessible("home");
            browser.screenshot("home");

            browser.go("/provider");
            assertThat(browser.path()).startsWith("/sign-in");
            assertThat(URLDecoder.decode(browser.path(), StandardCharsets.UTF_8))
                    .contains("return=/provider");
            browser.assertAccessible("sign-in");
            browser.screenshot("sign-in");

            // Nothing typed for the organisation: the error sits next to the field, the choice is kept.
            browser.driver().findElement(By.id("role-provider")).click();
            browser.driver()
                    .findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                    .click();
            browser.waitFor(By.id("organisation-error"));
            assertThat(browser.driver().findElement(By.id("role-provider")).isSelected())
                    .isTrue();
            assertThat(browser.driver().getTitle()).startsWith("Error:");
            browser.assertAccessible("sign-in with an error");

            browser.driver().findElement(By.id("organisation")).sendKeys("nhs-msk-qwo");
            browser.driver()
                    .findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                    .click();
            browser.waitUntil(d -> browser.path().startsWith("/provider"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".pathways-account__who"))
                            .getText())
                    .isEqualTo("Provider · nhs-msk-qwo");

            Cookie session = browser.driver().manage().getCookieNamed("pathways-session");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
        }
    }

    @Test
    void anExpiredSessionReturnsToSignInAndThenToThePage() {
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.driver()
                    .manage()
                    .addCookie(
                            new Cookie.Builder("pathways-session", TestTokens.expired("referrer", E2E.LEEDS_PRACTICE))
                                    .path("/")
                                    .isHttpOnly(true)
                                    .build());
            browser.go("/fcp");
            assertThat(browser.path()).startsWith("/sign-in");
            browser.driver().findElement(By.id("role-referrer")).click();
            browser.driver().findElement(By.id("organisation")).sendKeys(E2E.LEEDS_PRACTICE);
            browser.driver()
                    .findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                    .click();
            browser.waitUntil(d -> browser.path().startsWith("/fcp"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".pathways-account__who"))
                            .getText())
                    .isEqualTo("FCP · " + E2E.LEEDS_PRACTICE);
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        Response refused = given().baseUri(E2E.url("web"))
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("role", "provider")
                .formParam("organisation", "nhs-msk-qwo")
                .formParam("return", "/provider")
                .post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getCookie("pathways-session")).isNull();
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndNoCors() {
        Response home = given().baseUri(E2E.url("web"))
                .header("Origin", "https://elsewhere.example")
                .get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(home.header("Access-Control-Allow-Origin")).isNull();
    }

    /** The packaged pages, started in the production profile with the demo sign-in, refuse to start. */
    @Test
    void theProductionProfileRefusesTheLocalDemoSignIn() throws Exception {
        Path jar = E2E.ROOT.resolve("web/target/quarkus-app/quarkus-run.jar");
        Path log = E2E.WORK.resolve("web-prod-refusal.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder start = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        start.environment().put("QUARKUS_PROFILE", "prod");
        start.environment().put("PATHWAYS_WEB_SIGN_IN", "local-demo");
        start.environment().put("QUARKUS_HTTP_PORT", "0");
        start.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        Process web = start.start();
        try {
            assertThat(web.waitFor(90, TimeUnit.SECONDS))
                    .as("the pages exit on their own")
                    .isTrue();
            assertThat(web.exitValue()).isNotZero();
            assertThat(Files.readString(log))
                    .contains("Refusing to start in the production profile")
                    .contains("local-demo")
                    .contains("CSRF signing key");
        } finally {
            web.destroyForcibly();
        }
    }

    @Test
    void theSignInPageCannotSendSomeoneToAnotherSite() {
        try (Browser browser = Browser.open()) {
            browser.go("/sign-in?return=//elsewhere.example/");
            browser.driver().findElement(By.id("role-analyst")).click();
            browser.driver().findElement(By.id("organisation")).sendKeys("QWO");
            browser.driver()
                    .findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                    .click();
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(browser.baseUrl())
                    && !browser.path().startsWith("/sign-in"));
            assertThat(browser.driver().getCurrentUrl()).startsWith(browser.baseUrl());
        }
    }
}
