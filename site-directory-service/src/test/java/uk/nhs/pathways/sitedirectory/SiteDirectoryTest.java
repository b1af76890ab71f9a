package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.cloudevents.CloudEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

@QuarkusTest
class SiteDirectoryTest {

    static final String ADMIN = TestTokens.token("admin", null);
    static final String PROVIDER = "prov-test-leisure";

    @BeforeEach
    void aProvider() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", PROVIDER, "name", "Test Leisure Trust", "type", "LEISURE_OPERATOR"))
                .post("/providers")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(is(201), is(409)));
    }

    static Map<String, Object> site(String name, String postcode, int sessions) {
        return Map.of(
                "providerId",
                PROVIDER,
                "name",
                name,
                "postcode",
                postcode,
                "setting",
                "LEISURE_CENTRE",
                "programmes",
                List.of("KNEE", "HIP"),
                "sessions",
                sessions,
                "status",
                "ACTIVE");
    }

    static String addSite(String token, Map<String, Object> site) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(site)
                .post("/sites")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anAddedSiteIsPublishedAsFullStateOnTheCompactedTopicKeyedById() {
        String id = addSite(TestTokens.token("provider", PROVIDER), site("Armley Leisure Centre", "ls12 3ab", 8));

        try (TopicReader reader = new TopicReader(Topics.SITES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.poll().stream().anyMatch(r -> id.equals(r.key())));
            CloudEvent event = reader.events().stream()
                    .filter(e -> id.equals(e.getSubject()))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.getType()).isEqualTo(EventType.SITE_UPDATED.type());
            assertThat(event.getSource()).hasToString("/pathways/site-directory-service");
            assertThat(event.getDataSchema()).hasToString("urn:pathways:schema:site.updated:v1");
            SiteUpdated site = EventCodec.payload(event, EventType.SITE_UPDATED, SiteUpdated.class);
            assertThat(site.postcode()).isEqualTo("LS12 3AB");
            assertThat(site.sessions()).isEqualTo(8);
            assertThat(site.providerType()).isEqualTo(ProviderType.LEISURE_OPERATOR);
            assertThat(site.latitude()).isBetween(53.7, 53.9);
        }
    }

    @Test
    void searchReturnsActiveSitesNearestFirstWithDistances() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String near = addSite(ADMIN, site("Near " + suffix, "TR21 0AA", 12)); // Isles of Scilly: nothing else there
        String far = addSite(ADMIN, site("Far " + suffix, "TR18 2AA", 12)); // Penzance, about 45 km away

        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .queryParam("postcode", "TR21 0JQ")
                .queryParam("within", 100_000)
                .queryParam("programme", "KNEE")
                .get("/sites")
                .then()
                .statusCode(200)
                .body("items.id", contains(near, far))
                .body("items[0].distanceMetres", equalTo(0))
                .body(
                        "items[1].distanceMetres",
                        org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThan(30_000))
                                .and(org.hamcrest.Matchers.lessThan(60_000)))
                .body("total", equalTo(2));
    }

    @Test
    void aProvidersSitesAreListedByNameWhateverTheirStatusAndNoOtherProvidersSites() {
        String provider = "prov-sites-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("id", provider, "name", "Sites Trust", "type", "LOCAL_AUTHORITY"))
                .post("/providers")
                .then()
                .statusCode(201);
        Map<String, Object> active = new HashMap<>(site("B Hall", "LS12 3AB", 12));
        active.put("providerId", provider);
        Map<String, Object> onboarding = new HashMap<>(active);
        onboarding.put("name", "A Centre");
        onboarding.put("status", "ONBOARDING");
        String b = addSite(ADMIN, active);
        String a = addSite(ADMIN, onboarding);
        addSite(ADMIN, site("Someone else's", "LS12 3AB", 12));

        given().auth()
                .oauth2(TestTokens.token("provider", provider))
                .get("/providers/" + provider + "/sites")
                .then()
                .statusCode(200)
                .body("id", contains(a, b))
                .body("status", contains("ONBOARDING", "ACTIVE"));
        given().auth()
                .oauth2(TestTokens.token("provider", provider))
                .get("/providers/no-such-provider/sites")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aLostUpdateIsRefusedWith412() {
        String id = addSite(ADMIN, site("Versioned", "M1 1AA", 12));
        String etag = given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(site("Versioned, renamed", "M1 1AA", 12))
                .put("/sites/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Versioned, renamed"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(site("Versioned, stale", "M1 1AA", 12))
                .put("/sites/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void badInputGetsProblemJsonNamingTheField() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site("Bad", "NOT A POSTCODE", 12))
                .post("/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("postcode"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site("Bad", "ZZ9 9ZZ", 12))
                .post("/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("postcode"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(site("Bad", "LS1 1AA", 40))
                .post("/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("sessions"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{not json")
                .post("/sites")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aProviderCannotAddSitesForAnotherProvider() {
        given().auth()
                .oauth2(TestTokens.token("provider", "someone-else"))
                .contentType(ContentType.JSON)
                .body(site("Not mine", "LS1 1AA", 12))
                .post("/sites")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void tokensAreVerified() {
        given().get("/sites/x").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired("admin", null))
                .get("/sites/x")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.signedByStranger("admin", null))
                .get("/sites/x")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("referrer", "A81001"))
                .contentType(ContentType.JSON)
                .body(site("Referrers cannot", "LS1 1AA", 12))
                .post("/sites")
                .then()
                .statusCode(403);
    }
}
