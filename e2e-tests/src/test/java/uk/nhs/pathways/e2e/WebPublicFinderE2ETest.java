package uk.nhs.pathways.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The public class finder, for anyone and without signing in, over the directory's Open Referral UK feed;
 * and the feed itself answering other origins (directory tools) while the signed-in API does not.
 */
@Order(22)
class WebPublicFinderE2ETest {

    @Test
    void anyoneFindsClassesNearAPostcodeAndIsToldHowToBeReferred() {
        try (Browser browser = Browser.open()) {
            browser.go("/find");
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".pathways-account__link"))
                            .getText())
                    .isEqualTo("Sign in");
            assertThat(browser.driver().findElement(By.id("how-to-be-referred")).getText())
                    .contains("referral")
                    .contains("First Contact Physiotherapist");
            browser.assertAccessible("public finder");
            browser.screenshot("public-finder");

            browser.driver().findElement(By.id("postcode")).sendKeys("LS6 2AB");
            browser.driver().findElement(By.id("find-classes")).click();
            browser.waitFor(By.id("places"));
            browser.waitUntil(d -> browser.path().contains("postcode=LS6"));
            List<WebElement> places = browser.driver().findElements(By.cssSelector("#places > li"));
            assertThat(places).isNotEmpty();
            for (WebElement place : places) {
                assertThat(place.findElement(By.tagName("h3")).getText()).startsWith("ESCAPE-pain at ");
                assertThat(place.findElement(By.cssSelector("[data-label=distance]"))
                                .getText())
                        .matches("Less than 1 km|\\d+\\.\\d km");
                assertThat(place.getText()).contains("You need a referral from a First Contact Physiotherapist");
            }
            // the nearest lists its classes to come, with free places
            assertThat(places.getFirst().getText()).containsPattern("\\d+ of \\d+ places free");
            browser.assertAccessible("public finder results");
            browser.screenshot("public-finder-results");

            WebElement postcode = browser.driver().findElement(By.id("postcode"));
            postcode.clear();
            postcode.sendKeys("NOT A POSTCODE");
            browser.driver().findElement(By.id("find-classes")).click();
            assertThat(browser.waitFor(By.id("postcode-error")).getText()).contains("Postcode is not");
            assertThat(browser.driver().findElement(By.id("postcode")).getDomProperty("value"))
                    .isEqualTo("NOT A POSTCODE");
            browser.assertAccessible("public finder postcode error");
            browser.screenshot("public-finder-postcode-error");
        }
    }

    @Test
    void theFinderWorksOnAPhone() {
        try (Browser browser = Browser.open()) {
            browser.resize(375, 812);
            browser.go("/find?postcode=LS6+2AB&within=25");
            assertThat(browser.driver().findElements(By.cssSelector("#places > li")))
                    .isNotEmpty();
            // nothing wider than the screen: no sideways scrolling
            assertThat(((Number) browser.js("return document.documentElement.scrollWidth;")).intValue())
                    .isLessThanOrEqualTo(((Number) browser.js("return window.innerWidth;")).intValue());
            browser.assertAccessible("public finder on a phone");
            browser.screenshot("public-finder-phone");
        }
    }

    @Test
    void theOpenFeedAnswersOtherOriginsAndTheSignedInApiDoesNot() {
        String directory = E2E.url("site-directory-service");
        given().baseUri(directory)
                .header("Origin", "https://directory.example-council.gov.uk")
                .queryParam("postcode", "LS6 2AB")
                .queryParam("proximity", 10_000)
                .get("/service_at_locations")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().baseUri(directory)
                .header("Origin", "https://directory.example-council.gov.uk")
                .header("Access-Control-Request-Method", "GET")
                .options("/services")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", nullValue());
        E2E.as("site-directory-service", "referrer", E2E.LEEDS_PRACTICE)
                .header("Origin", "https://directory.example-council.gov.uk")
                .queryParam("postcode", "LS6 2AB")
                .get("/classes")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
