package uk.nhs.pathways.web.fcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The FCP's pages and the public class finder as far as they answer without calling a service: who may
 * see them, a search with nothing to search for (400, errors beside the fields, what was typed kept), the
 * htmx answer that redraws the form out of band, and an id no referral could have.
 */
@QuarkusTest
class FcpAndFinderPagesTest {

    static final String FCP = TestTokens.token("referrer", "B86030");

    @Test
    void theFcpPagesAreForReferrersOnly() {
        String provider = TestTokens.token("provider", "nhs-msk-qwo");
        for (String page :
                new String[] {"/fcp", "/fcp/class-finder", "/fcp/referrals/" + java.util.UUID.randomUUID()}) {
            given().cookie("pathways-session", provider)
                    .get(page)
                    .then()
                    .statusCode(403)
                    .body(containsString("You cannot use this page"));
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(
                            org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(303)));
        }
    }

    @Test
    void aSearchWithoutPostcodeOrJointShowsBothErrorsAndKeepsTheChoices() {
        Response page = given().cookie("pathways-session", FCP)
                .queryParam("postcode", "  ")
                .queryParam("setting", "LEISURE_CENTRE")
                .queryParam("within", "10")
                .get("/fcp/class-finder");
        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body().asString();
        assertThat(html)
                .contains("<title>Error: ")
                .contains("id=\"postcode-error\"")
                .contains("Enter the person&#39;s postcode")
                .contains("id=\"joint-error\"")
                .contains("<option value=\"LEISURE_CENTRE\" selected>")
                .contains("<option value=\"10\" selected>")
                .contains("aria-describedby=\"postcode-hint postcode-error\"")
                .doesNotContain("id=\"classes\"");
    }

    @Test
    void htmxGetsTheResultsWithTheFormAndItsErrorsOutOfBand() {
        Response part = given().cookie("pathways-session", FCP)
                .header("HX-Request", "true")
                .queryParam("postcode", "")
                .queryParam("joint", "HIP")
                .get("/fcp/class-finder");
        // htmx swaps no 4xx answer: the refusal comes as 200, drawn in place
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.header("Vary")).contains("HX-Request");
        String html = part.body().asString();
        assertThat(html)
                .doesNotContain("<html")
                .contains("<div id=\"finder-errors\" hx-swap-oob=\"true\">")
                .contains("hx-swap-oob=\"true\">")
                .contains("id=\"postcode-error\"")
                .contains("value=\"HIP\" checked");
    }

    @Test
    void anIdNoReferralCouldHaveIsNotFound() {
        given().cookie("pathways-session", FCP)
                .get("/fcp/referrals/not-a-referral")
                .then()
                .statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void thePublicFinderNeedsNoSignInAndSaysHowToBeReferred() {
        given().get("/find")
                .then()
                .statusCode(200)
                .body(containsString("You need a referral to join a class"))
                .body(containsString("First Contact Physiotherapist"))
                .body(not(containsString("id=\"postcode-error\"")));
        given().queryParam("postcode", " ")
                .queryParam("within", "10")
                .get("/find")
                .then()
                .statusCode(400)
                .body(containsString("id=\"postcode-error\""))
                .body(containsString("Enter a postcode"))
                .body(containsString("<option value=\"10\" selected>"));
    }
}
