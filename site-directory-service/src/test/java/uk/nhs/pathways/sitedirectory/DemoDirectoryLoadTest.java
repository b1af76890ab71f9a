package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.domain.SiteStatusChange;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The run command's demo directory, loaded by the service itself into an empty database (its own
 * profile: a fresh database, and it runs after the other test classes).
 */
@QuarkusTest
@TestProfile(DemoDirectoryLoadTest.DemoData.class)
class DemoDirectoryLoadTest {

    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pathways.demo-data.enabled", "true");
        }
    }

    @Test
    void theDemoDirectoryIsLoadedAndSearchable() {
        long[] counts = QuarkusTransaction.requiringNew()
                .call(() -> new long[] {Site.count(), Cohort.count(), SiteStatusChange.count()});
        assertThat(counts[0]).isGreaterThanOrEqualTo(300);
        assertThat(counts[1]).isGreaterThan(500);
        assertThat(counts[2]).isGreaterThan(counts[0] * 3 / 2); // histories, not just current statuses
        long described = QuarkusTransaction.requiringNew().call(() -> Site.count("accessibilityList <> ''"));
        assertThat(described).as("sites with accessibility features").isGreaterThan(counts[0] * 9 / 10);

        String referrer = TestTokens.token("referrer", "B86030");
        given().auth()
                .oauth2(referrer)
                .queryParam("postcode", "LS6 2AB")
                .queryParam("within", 30_000)
                .get("/classes")
                .then()
                .statusCode(200)
                .body("total", greaterThan(0))
                .body("items.distanceMetres", everyItem(lessThanOrEqualTo(30_000)))
                .body("items.capacity", everyItem(greaterThanOrEqualTo(6)));
        given().get("/services").then().statusCode(200).body("total_items", greaterThan(250));
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .get("/reports/site-sustainability")
                .then()
                .statusCode(200)
                .body("all.everDelivered", greaterThan(250));
    }
}
