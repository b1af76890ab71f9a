package uk.nhs.pathways.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.nhs.pathways.launcher.LocalPostgres;
import uk.nhs.pathways.launcher.Platform;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The whole platform as bin/pathways runs it (packaged services, demo data, a Kafka broker process,
 * one database per service), driven only through the services' HTTP APIs with signed tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferralJourneyE2ETest {

    /** A Leeds practice (West Yorkshire ICB, funded for the full course in the demo contracts). */
    static final String LEEDS_PRACTICE = "B86030";
    /** A Teesside practice (North East and North Cumbria ICB: its demo contract caps episodes at 4 contacts). */
    static final String TEESSIDE_PRACTICE = "A81001";

    static Platform platform;

    @BeforeAll
    static void startThePlatform() throws Exception {
        Path root = Path.of(System.getProperty("pathways.project.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = root.resolve("e2e-tests/target/e2e-run");
        deleteRecursively(work);
        int base = freeBlock(6);
        platform = new Platform(
                root,
                work,
                LocalPostgres.fromEnvironment(),
                base + 5,
                Platform.defaultServices(base, "_e2e"),
                true,
                Map.of("PATHWAYS_DEMO_DATA", "true"));
        platform.start(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopThePlatform() throws InterruptedException {
        if (platform != null) {
            platform.close();
        }
    }

    static String referrals() {
        return platform.url("referral-service");
    }

    static String refer(String practice, String postcode) {
        return given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", practice))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patient",
                        Map.of(
                                "nhsNumber",
                                "9434765919",
                                "name",
                                "E2E Person",
                                "dateOfBirth",
                                "1950-05-05",
                                "postcode",
                                postcode),
                        "joint",
                        "KNEE"))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void awaitStatus(String practice, String id, String status, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().baseUri(referrals())
                        .auth()
                        .oauth2(TestTokens.token("referrer", practice))
                        .get("/referrals/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    @Test
    @Order(1)
    void theDemoDirectoryReachesTheReferralServiceAndAReferralIsOffered() {
        // The directory publishes its ~340 demo sites; the referral service routes from its own copy.
        given().baseUri(platform.url("site-directory-service"))
                .auth()
                .oauth2(TestTokens.token("admin", null))
                .queryParam("postcode", "LS6 2AB")
                .queryParam("programme", "KNEE")
                .get("/sites")
                .then()
                .statusCode(200)
                .body("total", greaterThan(0));

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(referrals())
                        .auth()
                        .oauth2(TestTokens.token("referrer", LEEDS_PRACTICE))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "patient",
                                Map.of(
                                        "nhsNumber",
                                        "9434765919",
                                        "name",
                                        "Probe",
                                        "dateOfBirth",
                                        "1950-05-05",
                                        "postcode",
                                        "LS6 2AB"),
                                "joint",
                                "KNEE"))
                        .post("/referrals")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("status")
                        .equals("SUBMITTED"));

        String id = refer(LEEDS_PRACTICE, "LS6 2AB");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(30));
        String provider = given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", LEEDS_PRACTICE))
                .get("/referrals/" + id)
                .then()
                .body("statusReason", startsWith("Funded by contract aqp-qwo-2026"))
                .extract()
                .path("offer.providerId");

        // The provider it was offered to sees it; another provider cannot read, accept or book it, and
        // another practice cannot see it: to them it does not exist.
        String otherProvider = TestTokens.token("provider", provider.equals("leisure-1") ? "leisure-2" : "leisure-1");
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("provider", provider))
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .body("patient.name", equalTo("E2E Person"));
        given().baseUri(referrals())
                .auth()
                .oauth2(otherProvider)
                .get("/referrals/" + id)
                .then()
                .statusCode(404);
        given().baseUri(referrals())
                .auth()
                .oauth2(otherProvider)
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(404);
        given().baseUri(referrals())
                .auth()
                .oauth2(otherProvider)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", "any"))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(404);
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", TEESSIDE_PRACTICE))
                .get("/referrals/" + id)
                .then()
                .statusCode(404);
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", TEESSIDE_PRACTICE))
                .get("/referrals")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        // The right provider accepts it; the access is in the audit log with its organisation.
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("provider", provider))
                .contentType(ContentType.JSON)
                .body(Map.of("accept", true))
                .post("/referrals/" + id + "/response")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("admin", null))
                .queryParam("referralId", id)
                .get("/audit")
                .then()
                .statusCode(200)
                .body("organisation", hasItem(provider))
                .body("detail", hasItem("accepted"));

        // The provider books the person into one of the site's classes from the directory; the class's
        // places taken follow through Kafka (referral.booked -> site directory -> class.updated).
        String siteId = given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", LEEDS_PRACTICE))
                .get("/referrals/" + id)
                .then()
                .extract()
                .path("offer.siteId");
        List<Map<String, Object>> classes = given().baseUri(platform.url("site-directory-service"))
                .auth()
                .oauth2(TestTokens.token("provider", provider))
                .get("/sites/" + siteId + "/classes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Map<String, Object> cohort = classes.stream()
                .filter(c -> "SCHEDULED".equals(c.get("status"))
                        && ((Number) c.get("freePlaces")).intValue() > 0
                        && ((List<?>) c.get("programmes")).contains("KNEE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo site has no open knee class: " + classes));
        String classId = (String) cohort.get("id");
        int placesBefore = ((Number) cohort.get("placesTaken")).intValue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(referrals())
                        .auth()
                        .oauth2(TestTokens.token("provider", provider))
                        .contentType(ContentType.JSON)
                        .body(Map.of("classId", classId))
                        .post("/referrals/" + id + "/booking")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("BOOKED")));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(platform.url("site-directory-service"))
                        .auth()
                        .oauth2(TestTokens.token("admin", null))
                        .get("/classes/" + classId)
                        .then()
                        .statusCode(200)
                        .body("placesTaken", equalTo(placesBefore + 1)));

        // The contract service decided it for West Yorkshire, and outcomes counted it for that ICB.
        given().baseUri(platform.url("contract-service"))
                .auth()
                .oauth2(TestTokens.token("commissioner", "QWO"))
                .get("/funding-decisions/" + id)
                .then()
                .statusCode(200)
                .body("funded", equalTo(true));
        String site = given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", LEEDS_PRACTICE))
                .get("/referrals/" + id)
                .then()
                .extract()
                .path("offer.siteId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(platform.url("outcomes-service"))
                        .auth()
                        .oauth2(TestTokens.token("analyst", "QWO"))
                        .get("/reports/site-activity")
                        .then()
                        .statusCode(200)
                        .body("siteId", hasItem(site))
                        .body("find { it.siteId == '" + site + "' }.offered", greaterThan(0)));
    }

    @Test
    @Order(2)
    void aContractCappedBelowTheCourseLeavesTheReferralNeedingAttention() {
        String id = refer(TEESSIDE_PRACTICE, "TS18 1HU");
        awaitStatus(TEESSIDE_PRACTICE, id, "NEEDS_ATTENTION", Duration.ofSeconds(30));
        given().baseUri(referrals())
                .auth()
                .oauth2(TestTokens.token("referrer", TEESSIDE_PRACTICE))
                .get("/referrals/" + id)
                .then()
                .body(
                        "statusReason",
                        startsWith("Not funded: contract block-qhm-2026 allows at most 4 contacts per episode"));
    }

    @Test
    @Order(3)
    void referralsAcceptedWhileKafkaIsDownAllReachADecisionWhenItReturns() throws Exception {
        platform.broker().stop();
        assertThat(platform.broker().isRunning()).isFalse();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(refer(LEEDS_PRACTICE, "LS6 2AB")); // 201: written with its event, no broker needed
        }
        platform.broker().start(Duration.ofSeconds(60));
        for (String id : accepted) {
            awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(120));
        }
    }

    @Test
    @Order(4)
    void noServiceLogsPersonalData() throws IOException {
        Path logs = Path.of(System.getProperty("pathways.project.root", ".."))
                .toAbsolutePath()
                .normalize()
                .resolve("e2e-tests/target/e2e-run/logs");
        try (var files = Files.list(logs)) {
            List<Path> serviceLogs = files.toList();
            assertThat(serviceLogs).hasSize(4);
            for (Path log : serviceLogs) {
                assertThat(Files.readString(log))
                        .as(log.getFileName().toString())
                        .isNotEmpty()
                        .doesNotContain("9434765919")
                        .doesNotContain("E2E Person")
                        .doesNotContain("1950-05-05");
            }
        }
    }

    private static int freeBlock(int size) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below Linux's ephemeral range (32768+), so no client connection can take one meanwhile.
            int base = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            boolean free = true;
            for (int port = base + 1; port <= base + size && free; port++) {
                try (ServerSocket socket = new ServerSocket(port)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no block of free ports found");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
