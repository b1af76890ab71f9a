package uk.nhs.pathways.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.nhs.pathways.outcomes.Episodes.id;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ContractUtilisationReached;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.events.UtilisationMeasure;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;

/**
 * Contract utilisation alerts from the topic to the ICB reports: Lincolnshire (QJM) in the second quarter of
 * 2026, where no other test puts anything; Staffordshire (QNC) is the other ICB.
 */
@QuarkusTest
class ContractAlertsTest {

    static final String ICB = "QJM";
    static final String OTHER_ICB = "QNC";
    static final LocalDate PERIOD_START = LocalDate.parse("2026-04-01");
    static final LocalDate PERIOD_END = LocalDate.parse("2026-06-30");

    @Inject
    EntityManager entityManager;

    static ContractUtilisationReached alert(String contractId, int threshold, String reachedAt) {
        return new ContractUtilisationReached(
                contractId,
                ICB,
                PERIOD_START,
                PERIOD_END,
                UtilisationMeasure.EPISODES,
                threshold,
                40,
                threshold == 100 ? 10 : 12,
                threshold == 100 ? 30 : 20,
                Instant.parse(reachedAt));
    }

    static CloudEvent publish(ContractUtilisationReached alert) {
        return TestEvents.publish(EventType.CONTRACT_UTILISATION_REACHED, alert.contractId(), alert);
    }

    static Response alerts(String token, Object... params) {
        var request = given().auth().oauth2(token);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/reports/contract-alerts");
    }

    static List<Map<String, Object>> of(Response response, String contractId) {
        response.then().statusCode(200);
        List<Map<String, Object>> all = response.jsonPath().getList("alerts");
        return all.stream().filter(a -> contractId.equals(a.get("contractId"))).toList();
    }

    long rowsFor(String contractId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createQuery("select count(a) from ContractAlert a where a.contractId = :c", Long.class)
                        .setParameter("c", contractId)
                        .getSingleResult());
    }

    @Test
    void anAlertAppearsOnceInItsIcbsReportsHoweverOftenItArrives() {
        String contract = id("contract-qjm");
        CloudEvent first = publish(alert(contract, 80, "2026-05-20T10:00:00Z"));
        TestEvents.publish(Topics.CONTRACT_ALERTS, first); // redelivered: the same event id
        publish(alert(contract, 80, "2026-05-21T10:00:00Z")); // re-published: a new event id, the same alert
        // Same key, same partition, read in order: once the 100% alert shows, the repeats have been handled.
        publish(alert(contract, 100, "2026-06-02T09:30:00Z"));

        String analyst = TestTokens.token("analyst", ICB);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(of(alerts(analyst), contract)).hasSize(2));

        assertThat(rowsFor(contract)).isEqualTo(2);
        List<Map<String, Object>> listed = of(alerts(analyst), contract);
        // Newest first; the first announcement's figures are kept.
        assertThat(listed).extracting(a -> a.get("thresholdPercent")).containsExactly(100, 80);
        Map<String, Object> eighty = listed.get(1);
        assertThat(eighty)
                .containsEntry("commissionerIcb", ICB)
                .containsEntry("periodStart", "2026-04-01")
                .containsEntry("periodEnd", "2026-06-30")
                .containsEntry("measure", "EPISODES")
                .containsEntry("cap", 40)
                .containsEntry("committed", 12)
                .containsEntry("used", 20)
                .containsEntry("reachedAt", "2026-05-20T10:00:00Z");

        // from and to select by the day reached, both included.
        assertThat(of(alerts(analyst, "from", "2026-05-21"), contract))
                .extracting(a -> a.get("thresholdPercent"))
                .containsExactly(100);
        assertThat(of(alerts(analyst, "from", "2026-05-20", "to", "2026-05-20"), contract))
                .extracting(a -> a.get("thresholdPercent"))
                .containsExactly(80);

        // The quarter the period overlaps carries both (among the ICB's others); the quarter after it neither.
        Response quarter = given().auth()
                .oauth2(TestTokens.token("commissioner", ICB))
                .queryParam("quarter", "2026-Q2")
                .get("/reports/quarterly");
        quarter.then().statusCode(200);
        List<String> inQuarter = quarter.jsonPath().getList("contractAlerts.alerts.contractId", String.class);
        assertThat(inQuarter).filteredOn(contract::equals).hasSize(2);
        assertThat(quarter.jsonPath().getInt("contractAlerts.count")).isEqualTo(inQuarter.size());
        Response next =
                given().auth().oauth2(analyst).queryParam("quarter", "2026-Q3").get("/reports/quarterly");
        next.then().statusCode(200);
        assertThat(next.jsonPath().getList("contractAlerts.alerts.contractId", String.class))
                .doesNotContain(contract);
    }

    @Test
    void anotherIcbSeesNothingOfItAndCannotAskForIt() {
        String contract = id("contract-qjm");
        publish(alert(contract, 80, "2026-05-10T08:00:00Z"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(of(alerts(TestTokens.token("admin", null), "icb", ICB), contract))
                        .hasSize(1));

        String other = TestTokens.token("analyst", OTHER_ICB);
        assertThat(of(alerts(other), contract)).isEmpty();
        alerts(other, "icb", ICB)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        alerts(TestTokens.token("commissioner", OTHER_ICB), "icb", ICB).then().statusCode(404);
        Response quarter =
                given().auth().oauth2(other).queryParam("quarter", "2026-Q2").get("/reports/quarterly");
        quarter.then().statusCode(200);
        assertThat(quarter.jsonPath().getList("contractAlerts.alerts.contractId", String.class))
                .doesNotContain(contract);
        // Its own ICB named explicitly is fine.
        alerts(TestTokens.token("commissioner", ICB), "icb", "qjm").then().statusCode(200);
    }

    @Test
    void csvDisarmsAContractIdASpreadsheetWouldRunAsAFormula() {
        String contract = "=HYPERLINK(\"http://x\")-" + id("c");
        publish(alert(contract, 80, "2026-04-15T12:00:00Z"));
        String analyst = TestTokens.token("analyst", ICB);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(of(alerts(analyst), contract)).hasSize(1));

        String csv = alerts(analyst, "format", "csv", "from", "2026-04-15", "to", "2026-04-15")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("contract-alerts-QJM-from-2026-04-15-to-2026-04-15.csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0])
                .isEqualTo("\"contractId\",\"commissionerIcb\",\"periodStart\",\"periodEnd\",\"measure\","
                        + "\"thresholdPercent\",\"cap\",\"committed\",\"used\",\"reachedAt\"");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("\"'=HYPERLINK(\"\"http://x\"\")-")
                        .endsWith(",\"QJM\",\"2026-04-01\",\"2026-06-30\",\"EPISODES\",80,40,12,20,"
                                + "\"2026-04-15T12:00:00Z\""))
                .noneSatisfy(line -> assertThat(line).startsWith("\"="));
        given().auth()
                .oauth2(analyst)
                .accept("text/csv")
                .get("/reports/contract-alerts")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void refusesMalformedDaysAndUnknownParameters() {
        String analyst = TestTokens.token("analyst", ICB);
        alerts(analyst, "from", "2026-5-1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        alerts(analyst, "from", "2026-06-01", "to", "2026-05-01").then().statusCode(400);
        alerts(analyst, "quarter", "2026-Q2").then().statusCode(400).body("errors[0].field", equalTo("quarter"));
    }
}
