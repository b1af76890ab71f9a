package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What testers sent that no client should, answered as problems and never as server errors: a GET with a
 * Content-Type it has no body for, and ids or parameters with characters no id has (a NUL byte above all,
 * which PostgreSQL cannot even compare).
 */
@QuarkusTest
class RequestHygieneTest {

    static final String PROVIDER = "prov-hygiene";

    @Test
    void aGetIgnoresTheContentTypeItCarries() {
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        String site = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Hygiene Hall", "LS6 2AB", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        String cohort = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 8));
        for (String type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded")) {
            for (String path : List.of(
                    "/classes?postcode=LS62AB",
                    "/classes/" + cohort,
                    "/sites?postcode=LS62AB",
                    "/sites/" + site,
                    "/sites/" + site + "/classes",
                    "/sites/" + site + "/status-history",
                    "/providers/" + PROVIDER,
                    "/commissioners")) {
                given().auth()
                        .oauth2(ADMIN)
                        .header("Content-Type", type)
                        .get(path)
                        .then()
                        .statusCode(200);
            }
        }
        given().header("Content-Type", "application/json")
                .get("/services/" + site)
                .then()
                .statusCode(200);
    }

    @Test
    void anIdWithCharactersNoIdHasIsNotFoundNeverAServerError() {
        for (String path : List.of(
                "/classes/%00",
                "/classes/abc%00def",
                "/sites/%00",
                "/sites/%00/classes",
                "/sites/%00/status-history",
                "/providers/x%00",
                "/commissioners/%00",
                "/classes/%01%7F",
                "/sites/%FF%FE",
                "/sites/%C0%80")) {
            given().auth()
                    .oauth2(ADMIN)
                    .urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().urlEncodingEnabled(false)
                .get("/services/%00")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // changes too: not found before anything else is looked at
        given().auth()
                .oauth2(ADMIN)
                .urlEncodingEnabled(false)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .put("/classes/%00")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aParameterOrFieldWithANulByteIsAProblemNamingIt() {
        given().auth()
                .oauth2(ADMIN)
                .urlEncodingEnabled(false)
                .get("/classes?postcode=LS6%002AB")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("postcode"));
        given().urlEncodingEnabled(false)
                .get("/services?search=leisure%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("search"));
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        Map<String, Object> site =
                Fixtures.site(PROVIDER, "Nul\u0000Hall", "LS6 2AB", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site)
                .post("/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"));
    }
}
