package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.RestAssuredURLManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;

/**
 * Search around Berwick-upon-Tweed, where no other test puts sites: classes at the origin's district
 * (TD15), at Belford (NE70, 21.1 km), Wooler (NE71, 21.4 km) and Alnwick (NE66, 39.7 km), and at a paused site.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    static final String LEISURE = "prov-search-leisure";
    static final String CHARITY = "prov-search-charity";
    static final String ORIGIN = "TD15 2HB";
    static final String REFERRER = uk.nhs.pathways.testing.TestTokens.token("referrer", "A84026");

    @Inject
    Postcodes postcodes;

    String berwick, belford, wooler, alnwick, pausedBelford;
    String berwickTueThu, berwickMonWed, belfordKnee, woolerBig, alnwickFar, pausedClass;
    LocalDate tuesdayIn1, mondayIn3;

    /** Made once for the class; RestAssured is pointed at the application by hand, as only each test gets that done. */
    @BeforeAll
    void aDirectoryInNorthumberland() {
        RestAssuredURLManager.setURL(false);
        Fixtures.provider(LEISURE, "LEISURE_OPERATOR");
        Fixtures.provider(CHARITY, "THIRD_SECTOR");
        List<String> both = List.of("KNEE", "HIP");
        berwick = Fixtures.addSite(
                Fixtures.site(LEISURE, "Berwick Swimming Centre", "TD15 1LL", "LEISURE_CENTRE", both, "ACTIVE"));
        belford = Fixtures.addSite(Fixtures.site(
                CHARITY, "Belford Community Hall", "NE70 7ER", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        wooler = Fixtures.addSite(
                Fixtures.site(LEISURE, "Glendale Leisure", "NE71 6BL", "LEISURE_CENTRE", both, "ACTIVE"));
        alnwick = Fixtures.addSite(
                Fixtures.site(LEISURE, "Willowburn Leisure", "NE66 2NL", "LEISURE_CENTRE", both, "ACTIVE"));
        pausedBelford = Fixtures.addSite(
                Fixtures.site(CHARITY, "Belford Church Hall", "NE70 7AA", "COMMUNITY_CENTRE", both, "PAUSED"));

        tuesdayIn1 = Fixtures.next(DayOfWeek.TUESDAY, 1);
        mondayIn3 = tuesdayIn1.plusDays(13); // every date hangs off one Tuesday, whatever day the test runs
        List<String> tueThu = List.of("TUESDAY", "THURSDAY");
        berwickTueThu = Fixtures.addClass(both(Fixtures.cohort(berwick, tuesdayIn1, tueThu, 10)));
        berwickMonWed =
                Fixtures.addClass(both(Fixtures.cohort(berwick, mondayIn3, List.of("MONDAY", "WEDNESDAY"), 10)));
        belfordKnee = Fixtures.addClass(Fixtures.cohort(belford, tuesdayIn1.plusWeeks(1), tueThu, 8));
        woolerBig = Fixtures.addClass(
                both(Fixtures.cohort(wooler, tuesdayIn1.plusDays(8), List.of("WEDNESDAY", "FRIDAY"), 12)));
        alnwickFar = Fixtures.addClass(both(Fixtures.cohort(alnwick, tuesdayIn1, tueThu, 10)));
        pausedClass = Fixtures.addClass(both(Fixtures.cohort(pausedBelford, tuesdayIn1, tueThu, 10)));
    }

    static Map<String, Object> both(Map<String, Object> cohort) {
        cohort.put("programmes", List.of("KNEE", "HIP"));
        return cohort;
    }

    long metres(String from, String to) {
        Location a = postcodes.locate(from).orElseThrow();
        Location b = postcodes.locate(to).orElseThrow();
        return Math.round(a.metresTo(b));
    }

    JsonPath classes(Map<String, ?> filters) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("postcode", ORIGIN, "within", 30_000));
        params.putAll(filters);
        return given().auth()
                .oauth2(REFERRER)
                .queryParams(params)
                .get("/classes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theNearestMatchingClassesComeFirstWithCorrectDistances() {
        JsonPath found = classes(Map.of());
        // the paused site's class and the class 39.7 km away are not found; ties in distance go by start date
        assertThat(found.getList("items.id", String.class))
                .containsExactly(berwickTueThu, berwickMonWed, belfordKnee, woolerBig);
        assertThat(found.getList("items.distanceMetres", Long.class))
                .containsExactly(
                        metres(ORIGIN, "TD15 1LL"),
                        metres(ORIGIN, "TD15 1LL"),
                        metres(ORIGIN, "NE70 7ER"),
                        metres(ORIGIN, "NE71 6BL"));
        assertThat(found.getLong("items[0].distanceMetres")).isZero();
        assertThat(found.getLong("items[2].distanceMetres")).isBetween(21_000L, 21_300L); // Belford
        assertThat(found.getLong("items[3].distanceMetres")).isBetween(21_300L, 21_600L); // Wooler, just further
        assertThat(found.getLong("total")).isEqualTo(4);
        assertThat(found.getString("items[2].siteName")).isEqualTo("Belford Community Hall");
        assertThat(found.getString("items[2].providerType")).isEqualTo("THIRD_SECTOR");

        JsonPath wider = classes(Map.of("within", 45_000));
        assertThat(wider.getList("items.id", String.class)).last().isEqualTo(alnwickFar);
        assertThat(wider.getLong("items[4].distanceMetres")).isEqualTo(metres(ORIGIN, "NE66 2NL"));
    }

    @Test
    void filtersNarrowTheResultsAndTotals() {
        assertThat(classes(Map.of("programme", "HIP")).getList("items.id", String.class))
                .containsExactly(berwickTueThu, berwickMonWed, woolerBig);
        assertThat(classes(Map.of("setting", "COMMUNITY_CENTRE")).getList("items.id", String.class))
                .containsExactly(belfordKnee);
        assertThat(classes(Map.of("providerType", "LEISURE_OPERATOR")).getList("items.id", String.class))
                .containsExactly(berwickTueThu, berwickMonWed, woolerBig);
        assertThat(classes(Map.of("day", "MONDAY")).getList("items.id", String.class))
                .containsExactly(berwickMonWed);
        assertThat(classes(Map.of("day", "friday")).getList("items.id", String.class))
                .containsExactly(woolerBig);
        assertThat(classes(Map.of(
                                "startFrom",
                                tuesdayIn1.toString(),
                                "startTo",
                                tuesdayIn1.plusDays(6).toString()))
                        .getList("items.id", String.class))
                .containsExactly(berwickTueThu);
        assertThat(classes(Map.of("startFrom", mondayIn3.toString())).getList("items.id", String.class))
                .containsExactly(berwickMonWed);
        assertThat(classes(Map.of("freePlaces", 11)).getList("items.id", String.class))
                .containsExactly(woolerBig);
        JsonPath combined = classes(Map.of("programme", "KNEE", "providerType", "LEISURE_OPERATOR", "day", "TUESDAY"));
        assertThat(combined.getList("items.id", String.class)).containsExactly(berwickTueThu);
        assertThat(combined.getLong("total")).isEqualTo(1);
    }

    @Test
    void pagesCarryTheTotal() {
        JsonPath first = classes(Map.of("size", 3, "page", 0));
        assertThat(first.getList("items.id", String.class)).containsExactly(berwickTueThu, berwickMonWed, belfordKnee);
        assertThat(first.getLong("total")).isEqualTo(4);
        JsonPath second = classes(Map.of("size", 3, "page", 1));
        assertThat(second.getList("items.id", String.class)).containsExactly(woolerBig);
        assertThat(second.getLong("total")).isEqualTo(4);
        JsonPath beyond = classes(Map.of("size", 3, "page", 7));
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(4);
    }

    @Test
    void sitesAreSearchedTheSameWayAndByTheirClasses() {
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("within", 30_000)
                .get("/sites")
                .then()
                .statusCode(200)
                .body("items.id", contains(berwick, belford, wooler))
                .body(
                        "items.distanceMetres",
                        contains((int) metres(ORIGIN, "TD15 1LL"), (int) metres(ORIGIN, "NE70 7ER"), (int)
                                metres(ORIGIN, "NE71 6BL")))
                .body("total", equalTo(3));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("within", 30_000)
                .queryParam("includeInactive", true)
                .get("/sites")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(pausedBelford))
                .body("total", equalTo(4));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("within", 30_000)
                .queryParam("day", "FRIDAY")
                .get("/sites")
                .then()
                .statusCode(200)
                .body("items.id", contains(wooler));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("within", 30_000)
                .queryParam("programme", "HIP")
                .queryParam("setting", "COMMUNITY_CENTRE")
                .get("/sites")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void aSiteThatMovesOrPausesTakesItsClassesWithIt() {
        Map<String, Object> site =
                Fixtures.site(LEISURE, "Moving Pool", "PE36 5AA", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE");
        String id = Fixtures.addSite(site);
        String cohort = Fixtures.addClass(both(Fixtures.cohort(id, tuesdayIn1, List.of("TUESDAY", "THURSDAY"), 10)));
        assertThat(classesNear("PE36 6AA", 5_000)).containsExactly(cohort);

        site.put("postcode", "NR23 1AA"); // Wells-next-the-Sea, about 25 km east
        change(id, site);
        assertThat(classesNear("PE36 6AA", 5_000)).isEmpty();
        assertThat(classesNear("NR23 1BB", 5_000)).containsExactly(cohort);

        site.put("status", "PAUSED");
        change(id, site);
        assertThat(classesNear("NR23 1BB", 5_000)).isEmpty();
    }

    static List<String> classesNear(String postcode, int within) {
        return given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", postcode)
                .queryParam("within", within)
                .get("/classes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    static void change(String siteId, Map<String, Object> site) {
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .contentType(io.restassured.http.ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + siteId))
                .body(site)
                .put("/sites/" + siteId)
                .then()
                .statusCode(200);
    }

    @Test
    void badSearchesAreRefusedNamingTheParameter() {
        for (String postcode : List.of("NOT A POSTCODE", "ZZ9 9ZZ")) {
            for (String path : List.of("/classes", "/sites")) {
                given().auth()
                        .oauth2(REFERRER)
                        .queryParam("postcode", postcode)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("postcode"));
            }
        }
        given().auth()
                .oauth2(REFERRER)
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("postcode"));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("day", "FUNDAY")
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("day"));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("startFrom", "next week")
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("startFrom"));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("within", 5)
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("within"));
        given().auth()
                .oauth2(REFERRER)
                .queryParam("postcode", ORIGIN)
                .queryParam("startFrom", "2030-01-10")
                .queryParam("startTo", "2030-01-01")
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("startTo"));
        given().queryParam("postcode", ORIGIN).get("/classes").then().statusCode(401);
    }
}
