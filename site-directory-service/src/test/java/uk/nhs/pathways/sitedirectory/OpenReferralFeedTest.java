package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.RestAssuredURLManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.nhs.pathways.testing.TestTokens;

/** The open directory feed in the Open Referral UK (HSDS 3.0) shape: public, read-only, paginated. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenReferralFeedTest {

    static final String PROVIDER = "prov-oruk";

    String lowestoft, beccles, onboarding, paused;
    String cohort;
    LocalDate start;

    /** Made once for the class; RestAssured is pointed at the application by hand, as only each test gets that done. */
    @BeforeAll
    void sitesInSuffolk() {
        RestAssuredURLManager.setURL(false);
        Fixtures.provider(PROVIDER, "LEISURE_OPERATOR");
        Map<String, Object> site = Fixtures.site(
                PROVIDER, "Waveney Leisure ORUK", "NR32 1AA", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE");
        site.put("address", "Water Lane, Lowestoft");
        site.put("accessibility", List.of("HEARING_LOOP", "STEP_FREE_ACCESS"));
        site.put("accessibilityNotes", "Ramp at the pool entrance");
        site.put("sessions", 8);
        lowestoft = Fixtures.addSite(site);
        beccles = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Beccles Lido ORUK", "NR34 9AA", "LEISURE_CENTRE", List.of("KNEE"), "ACTIVE"));
        onboarding = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Bungay Pool ORUK", "NR35 1AA", "LEISURE_CENTRE", List.of("KNEE"), "ONBOARDING"));
        paused = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Southwold Hall ORUK", "IP18 6AA", "LEISURE_CENTRE", List.of("KNEE"), "PAUSED"));
        start = Fixtures.next(DayOfWeek.TUESDAY, 1);
        Map<String, Object> c = Fixtures.cohort(lowestoft, start, List.of("TUESDAY", "THURSDAY"), 10);
        c.put("sessions", 8);
        c.put("facilitatorType", "FITNESS_INSTRUCTOR");
        cohort = Fixtures.addClass(c);
    }

    @Test
    void theFeedIsPublicAndSaysWhichStandardItFollows() {
        given().get("/")
                .then()
                .statusCode(200)
                .body("version", equalTo("3.0"))
                .body("openapi_url", equalTo("/q/openapi"));
        given().get("/services")
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("public"));
        given().get("/services/" + lowestoft).then().statusCode(200);
        given().queryParam("postcode", "NR32 2AA")
                .get("/service_at_locations")
                .then()
                .statusCode(200);
        // a token, even an expired one, is neither needed nor looked at
        given().auth()
                .oauth2(TestTokens.expired("admin", null))
                .get("/services")
                .then()
                .statusCode(200);
    }

    @Test
    void servicesArePagedAsTheStandardPagesThem() {
        JsonPath page = given().queryParam("search", "ORUK")
                .queryParam("per_page", 1)
                .queryParam("page", 2)
                .get("/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // listed: active and paused sites, by name; not the onboarding one
        assertThat(page.getInt("total_items")).isEqualTo(3);
        assertThat(page.getInt("total_pages")).isEqualTo(3);
        assertThat(page.getInt("page_number")).isEqualTo(2);
        assertThat(page.getInt("size")).isEqualTo(1);
        assertThat(page.getBoolean("first_page")).isFalse();
        assertThat(page.getBoolean("last_page")).isFalse();
        assertThat(page.getBoolean("empty")).isFalse();
        assertThat(page.getString("contents[0].id")).isEqualTo(paused);
        assertThat(page.getString("contents[0].status")).isEqualTo("temporarily closed");

        JsonPath all = given().queryParam("search", "oruk")
                .get("/services")
                .then()
                .extract()
                .jsonPath();
        assertThat(all.getList("contents.id", String.class)).containsExactly(beccles, paused, lowestoft);
        assertThat(all.getList("contents.id", String.class)).doesNotContain(onboarding);
        assertThat(all.getString("contents[2].organization.name")).isEqualTo("Provider " + PROVIDER);
        assertThat(all.getString("contents[2].organization_id"))
                .isEqualTo(all.getString("contents[2].organization.id"));
        assertThat(all.getBoolean("first_page")).isTrue();
        assertThat(all.getBoolean("last_page")).isTrue();

        String organisation = all.getString("contents[0].organization_id");
        given().queryParam("organization_id", organisation)
                .get("/services")
                .then()
                .statusCode(200)
                .body("total_items", equalTo(3));
        given().queryParam("page", 0).get("/services").then().statusCode(400).body("errors.field", hasItem("page"));
    }

    @Test
    void oneServiceIsFullyNestedWithItsLocationAndAScheduleForEachClass() {
        given().get("/services/" + lowestoft)
                .then()
                .statusCode(200)
                .body("id", equalTo(lowestoft))
                .body("name", equalTo("ESCAPE-pain at Waveney Leisure ORUK"))
                .body("status", equalTo("active"))
                .body("description", org.hamcrest.Matchers.containsString("8 sessions: a reduced variant"))
                .body("service_at_locations[0].location.latitude", org.hamcrest.Matchers.notNullValue())
                .body("service_at_locations[0].location.location_type", equalTo("physical"))
                .body("service_at_locations[0].location.addresses[0].address_1", equalTo("Water Lane"))
                .body("service_at_locations[0].location.addresses[0].city", equalTo("Lowestoft"))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("NR32 1AA"))
                .body("service_at_locations[0].location.addresses[0].country", equalTo("GB"))
                .body(
                        "service_at_locations[0].location.accessibility.description",
                        org.hamcrest.Matchers.contains("Step-free access", "Hearing loop", "Ramp at the pool entrance"))
                .body("schedules", org.hamcrest.Matchers.hasSize(1))
                .body("schedules[0].id", equalTo(cohort))
                .body("schedules[0].freq", equalTo("WEEKLY"))
                .body("schedules[0].byday", equalTo("TU,TH"))
                .body("schedules[0].count", equalTo(8))
                .body("schedules[0].dtstart", equalTo(start.toString()))
                .body(
                        "schedules[0].valid_to",
                        equalTo(start.plusWeeks(3).plusDays(2).toString()))
                .body("schedules[0].opens_at", equalTo("10:00"))
                .body("schedules[0].closes_at", equalTo("11:00"))
                .body("schedules[0].notes", equalTo("10 of 10 places free"));
        given().get("/services/" + onboarding).then().statusCode(404).contentType("application/problem+json");
        given().get("/services/no-such-service").then().statusCode(404);
    }

    @Test
    void serviceAtLocationsAreFoundNearAPostcodeWithinAProximity() {
        JsonPath near = given().queryParam("postcode", "NR32 2AA")
                .queryParam("proximity", 15_000)
                .queryParam("search", "ORUK")
                .get("/service_at_locations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Lowestoft (same district), then Beccles (11.5 km); Southwold (paused, listed) is 18.2 km away
        assertThat(near.getList("contents.id", String.class)).containsExactly(lowestoft, beccles);
        assertThat(near.getString("contents[0].service_id")).isEqualTo(lowestoft);
        assertThat(near.getString("contents[0].location_id")).isEqualTo(lowestoft);
        assertThat(near.getString("contents[0].service.name")).isEqualTo("ESCAPE-pain at Waveney Leisure ORUK");
        assertThat(near.getString("contents[1].location.name")).isEqualTo("Beccles Lido ORUK");
        assertThat(near.getInt("total_items")).isEqualTo(2);
        // each with its distance (metres, an extension): Beccles 11.5 km away, farther than Lowestoft
        assertThat(near.getLong("contents[0].distance")).isLessThan(near.getLong("contents[1].distance"));
        assertThat(near.getLong("contents[1].distance")).isBetween(11_000L, 12_000L);

        given().queryParam("postcode", "NR32 2AA")
                .queryParam("search", "ORUK")
                .get("/service_at_locations")
                .then()
                .statusCode(200)
                .body("contents.id", contains(lowestoft, beccles, paused))
                .body("contents.id", not(hasItem(onboarding)));
        given().queryParam("postcode", "NOT A POSTCODE")
                .get("/service_at_locations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("postcode"));
        given().queryParam("postcode", "ZZ9 9ZZ")
                .queryParam("proximity", 1000)
                .get("/service_at_locations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("postcode"));
        given().queryParam("proximity", 1000)
                .get("/service_at_locations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("proximity"));
        given().queryParam("postcode", "NR32 2AA")
                .queryParam("proximity", "far")
                .get("/service_at_locations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("proximity"));
    }
}
