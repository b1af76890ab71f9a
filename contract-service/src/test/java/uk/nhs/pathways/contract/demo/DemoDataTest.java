package uk.nhs.pathways.contract.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The demo data as the local run loads it (PATHWAYS_DEMO_DATA=true), in a database of its own: the seeds'
 * situations, each visible through the API.
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DemoDatabase.class), new TestResourceEntry(KafkaTestCluster.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pathways.demo-data.enabled", "true");
        }
    }

    static String admin() {
        return TestTokens.token("admin", null);
    }

    static io.restassured.response.ValidatableResponse get(String token, String path) {
        return RestAssured.given().auth().oauth2(token).get(path).then();
    }

    @Test
    void aFourContactCapAPrimeContractAndOutcomeBasedPayment() {
        get(admin(), "/contracts/block-qhm-2026")
                .statusCode(200)
                .body("model", equalTo("BLOCK"))
                .body("maxContactsPerEpisode", equalTo(4));
        get(admin(), "/contracts/prime-qoq-2026")
                .statusCode(200)
                .body("model", equalTo("PRIME_SUB_CONTRACT"))
                .body("versions[0].providerIds", equalTo(List.of("leisure-1")))
                .body("versions[0].primeContractorId", equalTo("nhs-msk-qoq"))
                .body("versions[0].pricePerEpisodePence", equalTo(13_000))
                .body("versions[0].subContractPricePerEpisodePence", equalTo(16_300))
                .body("versions[0].maxEpisodesPerPeriod", equalTo(60));
        get(admin(), "/contracts/outcomes-qop-2026")
                .statusCode(200)
                .body("model", equalTo("OUTCOME_BASED"))
                .body("versions[0].pricePerCompletionPence", equalTo(13_000))
                .body("versions[0].pricePerResponderPence", equalTo(3_300));
        get(admin(), "/contracts/aqp-qwo-2026").statusCode(200).body("pricePerEpisodePence", equalTo(16_300));
        assertThat(get(admin(), "/contracts").extract().jsonPath().getList("id"))
                .hasSize(DemoContracts.plan().size());
    }

    @Test
    void aSiteOnTheTeessideBorderIsCoveredForOneCommissionersResidentsAndNotTheOthers() {
        String siteId = "demo-test-ts17";
        TestEvents.publish(
                EventType.SITE_UPDATED,
                siteId,
                new SiteUpdated(
                        siteId,
                        "TS17 Community Centre",
                        "charity-1",
                        "Age Well Together",
                        ProviderType.THIRD_SECTOR,
                        Setting.COMMUNITY_CENTRE,
                        "TS17 6PG",
                        54.535329,
                        -1.304715,
                        List.of(Joint.KNEE, Joint.HIP),
                        12,
                        SiteStatus.ACTIVE,
                        List.of()));
        String path = "/sites/" + siteId + "/coverage?on=2026-11-26";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get(admin(), path).extract().statusCode() == 200);
        get(TestTokens.token("provider", "charity-1"), path)
                .statusCode(200)
                .body("commissioners.icb", equalTo(List.of("QHM", "QOQ")))
                .body("commissioners.covered", equalTo(List.of(false, true)))
                .body("commissioners[0].gap", equalTo("TOO_FEW_CONTACTS"));
    }

    @Test
    void theWhatIfHasADemoHistoryToReplay() {
        get(TestTokens.token("commissioner", "QHM"), "/funding-decisions?funded=false&size=5")
                .statusCode(200)
                .body("synthetic", equalTo(List.of(true, true, true, true, true)));
        JsonPath answer = RestAssured.given()
                .auth()
                .oauth2(TestTokens.token("commissioner", "QHM"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "months",
                        6,
                        "contractId",
                        "block-qhm-2026",
                        "changes",
                        Map.of("maxContactsPerEpisode", 12, "model", "ACTIVITY", "pricePerEpisodePence", 16_300)))
                .post("/contracts/what-if")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(answer.getInt("referrals")).isGreaterThan(100);
        assertThat(answer.getLong("baseline.funded")).isZero();
        assertThat(answer.getLong("fundedDifference")).isEqualTo(answer.getInt("referrals"));
        assertThat(answer.getLong("costDifferencePence")).isEqualTo(16_300L * answer.getInt("referrals"));
        assertThat(answer.getList("byProvider.providerId")).contains("charity-1", "nhs-msk-qhm");
    }
}
