package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TopicReader;

/** A site's accessibility: named features in the API, stored, and published in site.updated; a free-text note beside them. */
@QuarkusTest
class SiteAccessibilityTest {

    static final String PROVIDER = "prov-access";

    @BeforeEach
    void aProvider() {
        Fixtures.provider(PROVIDER, "LEISURE_OPERATOR");
    }

    static Map<String, Object> site(String name, Object accessibility) {
        Map<String, Object> site =
                Fixtures.site(PROVIDER, name, "HU1 2AA", "LEISURE_CENTRE", List.of("KNEE", "HIP"), "ACTIVE");
        site.put("accessibility", accessibility);
        return site;
    }

    static List<SiteUpdated> published(TopicReader sites, String id) {
        return sites.events().stream()
                .filter(e -> id.equals(e.getSubject()))
                .map(e -> EventCodec.payload(e, EventType.SITE_UPDATED, SiteUpdated.class))
                .toList();
    }

    @Test
    void featuresAreKeptInTheirOwnOrderPublishedAndChangedWithTheSite() {
        Map<String, Object> body = site("Hull Access Leisure", List.of("ON_SITE_PARKING", "STEP_FREE_ACCESS"));
        body.put("accessibilityNotes", "Lift to the first-floor studio");
        String id = given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/sites")
                .then()
                .statusCode(201)
                .body("accessibility", contains("STEP_FREE_ACCESS", "ON_SITE_PARKING"))
                .body("accessibilityNotes", equalTo("Lift to the first-floor studio"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + id)
                .then()
                .statusCode(200)
                .body("accessibility", contains("STEP_FREE_ACCESS", "ON_SITE_PARKING"))
                .body("accessibilityNotes", equalTo("Lift to the first-floor studio"));

        body.put(
                "accessibility", List.of("HEARING_LOOP", "NEAR_PUBLIC_TRANSPORT", "ACCESSIBLE_TOILET", "HEARING_LOOP"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + id))
                .body(body)
                .put("/sites/" + id)
                .then()
                .statusCode(200)
                .body("accessibility", contains("ACCESSIBLE_TOILET", "HEARING_LOOP", "NEAR_PUBLIC_TRANSPORT"));

        try (TopicReader sites = new TopicReader(Topics.SITES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> published(sites, id).size() == 2);
            assertThat(published(sites, id))
                    .extracting(SiteUpdated::accessibility)
                    .containsExactly(
                            List.of(AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ON_SITE_PARKING),
                            List.of(
                                    AccessibilityFeature.ACCESSIBLE_TOILET,
                                    AccessibilityFeature.HEARING_LOOP,
                                    AccessibilityFeature.NEAR_PUBLIC_TRANSPORT));
        }
    }

    @Test
    void aSiteWithoutFeaturesHasNoneAndSaysSo() {
        Map<String, Object> body = site("Hull Plain Hall", null);
        body.remove("accessibility");
        String id = Fixtures.addSite(body);
        given().auth().oauth2(ADMIN).get("/sites/" + id).then().statusCode(200).body("accessibility", empty());
        try (TopicReader sites = new TopicReader(Topics.SITES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !published(sites, id).isEmpty());
            assertThat(published(sites, id).getFirst().accessibility()).isEmpty();
        }
    }

    @Test
    void anUnknownFeatureIsAProblemNamingTheFieldAndNothingIsWritten() {
        String name = "Hull Lift Centre";
        for (Object wrong : List.of(List.of("STEP_FREE_ACCESS", "LIFT"), "Step-free access, hearing loop")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(site(name, wrong))
                    .post("/sites")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("accessibility")));
        }
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site(name, List.of("STEP_FREE_ACCESS", "LIFT")))
                .post("/sites")
                .then()
                .body("errors.field", contains("accessibility[1]"));
        given().auth()
                .oauth2(ADMIN)
                .get("/sites?postcode=HU12AA&within=1000")
                .then()
                .statusCode(200)
                .body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }
}
