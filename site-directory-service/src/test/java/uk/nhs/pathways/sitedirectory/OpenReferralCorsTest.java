package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The open feed answers browsers on other origins (directory tools' own pages), without credentials; the
 * signed-in API of the directory sends no CORS header, so browsers keep other origins away from it.
 */
@QuarkusTest
class OpenReferralCorsTest {

    static final String DIRECTORY_TOOL = "https://directory.example-council.gov.uk";

    @Test
    void theFeedAnswersACrossOriginGetFromAnyOriginWithoutCredentials() {
        for (String path : List.of("/", "/services", "/service_at_locations")) {
            given().header("Origin", DIRECTORY_TOOL)
                    .queryParam("page", 1)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo("*"))
                    .header("Access-Control-Allow-Credentials", nullValue());
        }
        given().header("Origin", DIRECTORY_TOOL)
                .queryParam("postcode", "LS6 2AB")
                .queryParam("proximity", 5000)
                .get("/service_at_locations")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"));
        // a refused search is readable by the tool too, so it can show why
        given().header("Origin", DIRECTORY_TOOL)
                .queryParam("postcode", "NOT A POSTCODE")
                .get("/service_at_locations")
                .then()
                .statusCode(400)
                .header("Access-Control-Allow-Origin", equalTo("*"));
        given().header("Origin", DIRECTORY_TOOL)
                .get("/services/no-such-site")
                .then()
                .statusCode(404)
                .header("Access-Control-Allow-Origin", equalTo("*"));
    }

    @Test
    void theFeedAnswersAPreflightForGetOnly() {
        given().header("Origin", DIRECTORY_TOOL)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept")
                .options("/service_at_locations")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD, OPTIONS"))
                .header("Access-Control-Allow-Methods", not(containsString("POST")))
                .header("Access-Control-Allow-Headers", containsString("Accept"))
                .header("Access-Control-Max-Age", equalTo("86400"))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", DIRECTORY_TOOL)
                .header("Access-Control-Request-Method", "GET")
                .options("/services/any-site")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"));
    }

    @Test
    void theSignedInApiSendsNoCorsHeaders() {
        String referrer = TestTokens.token("referrer", "B86030");
        given().header("Origin", DIRECTORY_TOOL)
                .auth()
                .oauth2(referrer)
                .queryParam("postcode", "LS6 2AB")
                .get("/classes")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", DIRECTORY_TOOL)
                .auth()
                .oauth2(referrer)
                .get("/sites")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        // nor does a preflight for it get an answer a browser would accept
        given().header("Origin", DIRECTORY_TOOL)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/classes")
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        // a POST to the feed's paths is no feed read: no CORS header
        given().header("Origin", DIRECTORY_TOOL)
                .contentType("application/json")
                .body("{}")
                .post("/services")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
