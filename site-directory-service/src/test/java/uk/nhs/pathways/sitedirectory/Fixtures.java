package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.nhs.pathways.testing.TestTokens;

/** Providers, sites and classes made through the API, as a client would. */
final class Fixtures {

    static final String ADMIN = TestTokens.token("admin", null);

    private Fixtures() {}

    static void provider(String id, String type) {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Provider " + id, "type", type))
                .post("/providers")
                .then()
                .statusCode(anyOf(is(201), is(409)));
    }

    static String providerToken(String providerId) {
        return TestTokens.token("provider", providerId);
    }

    static Map<String, Object> site(
            String providerId, String name, String postcode, String setting, List<String> programmes, String status) {
        Map<String, Object> site = new HashMap<>();
        site.put("providerId", providerId);
        site.put("name", name);
        site.put("postcode", postcode);
        site.put("setting", setting);
        site.put("programmes", programmes);
        site.put("sessions", 12);
        site.put("status", status);
        return site;
    }

    static String addSite(Map<String, Object> site) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site)
                .post("/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    /** The first {@code day} after today, {@code weeks} weeks on. */
    static LocalDate next(DayOfWeek day, int weeks) {
        return today().with(TemporalAdjusters.next(day)).plusWeeks(weeks);
    }

    static Map<String, Object> cohort(String siteId, LocalDate start, List<String> days, int capacity) {
        Map<String, Object> c = new HashMap<>();
        c.put("siteId", siteId);
        c.put("programmes", List.of("KNEE"));
        c.put("startDate", start.toString());
        c.put("days", days);
        c.put("startTime", "10:00");
        c.put("sessions", 12);
        c.put("capacity", capacity);
        c.put("facilitatorType", "PHYSIOTHERAPIST");
        return c;
    }

    static ValidatableResponse postClass(String token, Map<String, Object> cohort) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(cohort)
                .post("/classes")
                .then();
    }

    static String addClass(Map<String, Object> cohort) {
        return postClass(ADMIN, cohort).statusCode(201).extract().path("id");
    }

    static String etag(String path) {
        return given().auth()
                .oauth2(ADMIN)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
