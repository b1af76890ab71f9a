package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.e2e.E2E.TEESSIDE_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.as;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.refer;
import static uk.nhs.pathways.e2e.E2E.referrer;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Contracts as commissioners write them, across the platform: a new contract re-decides the referrals it
 * now covers, and a volume cap funds exactly as many referrals as it allows, however many arrive at once.
 */
@Order(5)
class ContractsE2ETest {

    /** Warrington (Cheshire and Merseyside ICB), used only here. */
    static final String WARRINGTON_PRACTICE = "N81007";

    static final String WARRINGTON_POSTCODE = "WA1 4NE";

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    @Test
    @Order(1)
    void aTeessideReferralHeldByTheFourContactCapIsOfferedOnceTheCommissionersNewContractAllowsTwelve() {
        String id = refer(TEESSIDE_PRACTICE, "TS18 1HU");
        awaitStatus(TEESSIDE_PRACTICE, id, "NEEDS_ATTENTION", Duration.ofSeconds(60));
        assertThat(field(TEESSIDE_PRACTICE, id, "statusReasonCode").toString()).isEqualTo("NOT_FUNDED");

        as("contract-service", "commissioner", "QHM")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "aqp-qhm-12-contacts",
                        "commissionerIcb",
                        "QHM",
                        "model",
                        "ACTIVITY",
                        "maxContactsPerEpisode",
                        12,
                        "pricePerEpisodePence",
                        16_300,
                        "validFrom",
                        today().toString()))
                .post("/contracts")
                .then()
                .statusCode(201);

        // The contract service re-decides the held referral (its route again, the next revision); the
        // referral service offers it, saying why.
        awaitStatus(TEESSIDE_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));
        referrer(TEESSIDE_PRACTICE)
                .get("/referrals/" + id)
                .then()
                .body("fundingContractId", equalTo("aqp-qhm-12-contacts"))
                .body("statusReason", containsString("aqp-qhm-12-contacts"));
        as("contract-service", "commissioner", "QHM")
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(200)
                .body("funded", equalTo(true))
                .body("revision", equalTo(2));
    }

    @Test
    @Order(2)
    void aVolumeCapOfThreeFundsExactlyThreeOfEightReferralsSubmittedAtOnce() throws Exception {
        // Cheshire and Merseyside's demo contract ends yesterday; a new one allows three episodes a quarter.
        as("contract-service", "commissioner", "QYG")
                .contentType(ContentType.JSON)
                .body(Map.of("lastDay", today().minusDays(1).toString()))
                .post("/contracts/aqp-qyg-2026/end")
                .then()
                .statusCode(200);
        Map<String, Object> capped = new HashMap<>();
        capped.put("id", "capped-qyg");
        capped.put("commissionerIcb", "QYG");
        capped.put("model", "ACTIVITY");
        capped.put("maxContactsPerEpisode", 12);
        capped.put("pricePerEpisodePence", 16_300);
        capped.put("validFrom", today().toString());
        capped.put("capPeriod", "QUARTER");
        capped.put("maxEpisodesPerPeriod", 3);
        as("contract-service", "commissioner", "QYG")
                .contentType(ContentType.JSON)
                .body(capped)
                .post("/contracts")
                .then()
                .statusCode(201);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> referrals = java.util.stream.IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> refer(WARRINGTON_PRACTICE, WARRINGTON_POSTCODE))
                    .toList();
            List<String> ids = clients.invokeAll(referrals).stream()
                    .map(ContractsE2ETest::get)
                    .toList();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> ids.stream()
                            .map(id -> field(WARRINGTON_PRACTICE, id, "status").toString())
                            .allMatch(s -> s.equals("OFFERED") || s.equals("NEEDS_ATTENTION")));
            List<String> statuses = ids.stream()
                    .map(id -> field(WARRINGTON_PRACTICE, id, "status").toString())
                    .toList();
            assertThat(statuses).filteredOn("OFFERED"::equals).hasSize(3);
            assertThat(statuses).filteredOn("NEEDS_ATTENTION"::equals).hasSize(5);
        } finally {
            clients.shutdownNow();
        }
        as("contract-service", "commissioner", "QYG")
                .get("/contracts/capped-qyg/utilisation")
                .then()
                .statusCode(200)
                .body("episodes.cap", equalTo(3))
                .body("episodes.committed", equalTo(3))
                .body("episodes.remaining", equalTo(0));
    }

    static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
