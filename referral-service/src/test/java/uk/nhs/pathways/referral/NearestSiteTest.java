package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static uk.nhs.pathways.referral.lifecycle.service.RoutingTest.site;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.testing.TestTokens;

/**
 * Routing through the API and the directory copy in the database: several candidate sites at known
 * distances around Exeter and Keswick, where no other test puts a site.
 */
@QuarkusTest
class NearestSiteTest {

    static final String FCP = TestTokens.token("referrer", "B86030");

    @Inject
    Postcodes postcodes;

    @BeforeEach
    void sitesAroundExeterAndKeswick() {
        Location exeter = postcodes.locate("EX1 1AA").orElseThrow();
        Location keswick = postcodes.locate("CA12 5AA").orElseThrow();
        List<DirectorySite> sites = List.of(
                site("exeter-far-45km", exeter, -45_000, 0, SiteStatus.ACTIVE, "KNEE,HIP"),
                site("exeter-corner-35km", exeter, 25_000, 25_000, SiteStatus.ACTIVE, "KNEE,HIP"),
                site("exeter-knee-9km", exeter, 0, 9_000, SiteStatus.ACTIVE, "KNEE"),
                site("exeter-knee-5km", exeter, -5_000, 0, SiteStatus.ACTIVE, "KNEE,HIP"),
                site("exeter-hip-2km", exeter, 0, 2_000, SiteStatus.ACTIVE, "HIP"),
                site("exeter-paused-1km", exeter, 1_000, 0, SiteStatus.PAUSED, "KNEE,HIP"),
                // Around Keswick only sites just out of range: in the search box, beyond the distance.
                site("keswick-corner-31km", keswick, 22_000, 22_000, SiteStatus.ACTIVE, "KNEE,HIP"),
                site("keswick-west-31km", keswick, 0, -31_000, SiteStatus.ACTIVE, "KNEE,HIP"));
        QuarkusTransaction.requiringNew()
                .run(() -> sites.forEach(s -> DirectorySite.getEntityManager().merge(s)));
    }

    static Map<String, Object> referral(String postcode, String joint) {
        return Map.of(
                "patient",
                Map.of(
                        "nhsNumber",
                        "9434765919",
                        "name",
                        "Routed Person",
                        "dateOfBirth",
                        "1950-05-05",
                        "postcode",
                        postcode),
                "joint",
                joint);
    }

    @Test
    void aKneeReferralGoesToTheNearestActiveSiteRunningTheKneeProgramme() {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("EX1 1AA", "KNEE"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("offer.siteId", equalTo("exeter-knee-5km"))
                .body("offer.distanceMetres", allOf(greaterThan(4_990), lessThan(5_010)));
    }

    @Test
    void aHipReferralGoesToTheNearerSiteThatRunsOnlyTheHipProgramme() {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("EX1 1AA", "HIP"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("offer.siteId", equalTo("exeter-hip-2km"))
                .body("offer.distanceMetres", allOf(greaterThan(1_990), lessThan(2_010)));
    }

    @Test
    void sitesJustBeyondTheDistanceAreNotOffered() {
        given().auth()
                .oauth2(FCP)
                .contentType(ContentType.JSON)
                .body(referral("CA12 5AA", "KNEE"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("NEEDS_ATTENTION"))
                .body("offer", nullValue())
                .body("statusReason", startsWith("No active ESCAPE-pain site for the knee within 30 km"));
    }
}
