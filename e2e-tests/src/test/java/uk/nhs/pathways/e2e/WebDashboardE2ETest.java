package uk.nhs.pathways.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The commissioner's and ICS analyst's dashboard in a real browser, on the demo history: every chart is
 * drawn, every table holds the figures the services' own reports give that person, the CSV downloads hold
 * the same rows, and another ICB's dashboard shows that ICB's figures, not West Yorkshire's.
 */
@Order(23)
class WebDashboardE2ETest {

    static final String WEST_YORKSHIRE = "QWO";
    /** North East and North Cumbria: demo sites and history of its own. */
    static final String NORTH_EAST = "QHM";

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    static final String STANDARD = "Standard (12 sessions)";

    /** The dashboard's default period: the last twelve months, this one so far included. */
    static final YearMonth LAST = YearMonth.now(ZoneId.of("Europe/London"));

    static final YearMonth FIRST = LAST.minusMonths(11);

    /** The demo history is written as the platform starts: wait until both ICBs' reports have it. */
    @BeforeAll
    static void theDemoHistoryIsLoaded() {
        E2E.platform();
        for (String icb : List.of(WEST_YORKSHIRE, NORTH_EAST)) {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(activityAsReported(icb).stream()
                                    .mapToLong(r -> Long.parseLong(r.get(2)))
                                    .sum())
                            .isPositive());
        }
    }

    @Test
    void anAnalystSeesEveryChartDrawnWithTheNumbersTheReportsGiveThem() {
        try (Browser browser = Browser.open()) {
            browser.signIn("analyst", WEST_YORKSHIRE);
            assertThat(browser.path()).startsWith("/dashboard");
            browser.go("/dashboard");
            awaitChartsDrawn(browser);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .contains("Dashboard")
                    .contains(WEST_YORKSHIRE);
            browser.assertAccessible("dashboard (analyst)");
            browser.screenshot("dashboard-analyst-qwo");

            // 1. Referrals, starts and completions: every month of the ICB's own report, figure for figure.
            List<List<String>> activity = table(browser, "chart-activity-table");
            List<List<String>> expected = activityAsReported(WEST_YORKSHIRE);
            assertThat(activity).isEqualTo(expected);
            assertThat(activity.stream()
                            .mapToLong(r -> Long.parseLong(r.get(2)))
                            .sum())
                    .as("the demo history has referrals in West Yorkshire")
                    .isPositive();

            // 2. Sites: the last month's active and ever-active sites as the site directory says today.
            JsonPath sites = E2E.as("site-directory-service", "analyst", WEST_YORKSHIRE)
                    .queryParam(
                            "asOf", LocalDate.now(ZoneId.of("Europe/London")).toString())
                    .get("/reports/site-sustainability")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> lastMonth = table(browser, "chart-sites-table").getLast();
            assertThat(lastMonth.get(1)).isEqualTo(sites.getString("all.active"));
            assertThat(lastMonth.get(2)).isEqualTo(sites.getString("all.everDelivered"));
            assertThat(Integer.parseInt(lastMonth.get(1))).isPositive();

            // 3. An analyst cannot read contracts: the ICB's utilisation alerts instead, as outcomes-service has them.
            assertThat(browser.driver()
                            .findElement(By.id("chart-contracts-heading"))
                            .getText())
                    .isEqualTo("Contract utilisation alerts");
            List<Object> alerts = E2E.as("outcomes-service", "analyst", WEST_YORKSHIRE)
                    .queryParam("from", FIRST.atDay(1).toString())
                    .queryParam("to", LAST.atEndOfMonth().toString())
                    .get("/reports/contract-alerts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("alerts");
            assertThat(table(browser, "chart-contracts-table")).hasSameSizeAs(alerts);

            // 4. Outcomes: KOOS-PS at the last session per quarter, as the quarterly report has it.
            List<List<String>> koos = table(browser, "chart-outcomes-table").stream()
                    .filter(r -> r.get(1).equals(STANDARD)
                            && r.get(2).startsWith("KOOS-PS")
                            && r.get(3).equals("Last session"))
                    .toList();
            assertThat(koos).as("the demo history has knee outcomes").isNotEmpty();
            for (List<String> row : koos) {
                Map<String, Object> reported = E2E.as("outcomes-service", "analyst", WEST_YORKSHIRE)
                        .queryParam("quarter", row.get(0))
                        .get("/reports/quarterly")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("rows.find { it.level == 'ICB' && it.variant == 'STANDARD' }");
                assertThat(row.get(4)).isEqualTo(String.valueOf(reported.get("KOOS_PS.LAST_SESSION.paired")));
                assertThat(row.get(5)).isEqualTo(String.valueOf(reported.get("KOOS_PS.LAST_SESSION.responders")));
                assertThat(new BigDecimal(row.get(7)))
                        .isEqualByComparingTo(String.valueOf(reported.get("KOOS_PS.LAST_SESSION.meanChange")));
            }

            // The CSV download: text/csv, an attachment, the table's header and the same rows.
            String session =
                    browser.driver().manage().getCookieNamed("pathways-session").getValue();
            Response csv = given().baseUri(browser.baseUrl())
                    .cookie("pathways-session", session)
                    .redirects()
                    .follow(false)
                    .get(browser.driver()
                            .findElement(By.cssSelector("#chart-activity-section a[href^='/dashboard/activity.csv']"))
                            .getDomAttribute("href"));
            csv.then().statusCode(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition"))
                    .startsWith("attachment;")
                    .contains(".csv");
            List<String> lines = csv.asString().lines().toList();
            assertThat(lines.getFirst())
                    .isEqualTo("\"Month\",\"Course\",\"Referrals\",\"Starts\",\"Completions\",\"Dropped out\","
                            + "\"Did not attend\"");
            assertThat(lines.subList(1, lines.size())).isEqualTo(asCsv(activity));
        }
    }

    @Test
    void aCommissionerSeesEachContractsUtilisation() {
        try (Browser browser = Browser.open()) {
            browser.signIn("commissioner", WEST_YORKSHIRE);
            browser.go("/dashboard?period=last-12-months");
            awaitChartsDrawn(browser);
            browser.assertAccessible("dashboard (commissioner)");
            browser.screenshot("dashboard-commissioner-qwo");

            assertThat(browser.driver()
                            .findElement(By.id("chart-contracts-heading"))
                            .getText())
                    .isEqualTo("Contract utilisation");
            List<String> contracts = E2E.as("contract-service", "commissioner", WEST_YORKSHIRE)
                    .get("/contracts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("id");
            List<List<String>> rows = table(browser, "chart-contracts-table");
            assertThat(rows).extracting(r -> r.getFirst()).containsExactlyElementsOf(contracts);
            List<String> first = rows.getFirst();
            JsonPath utilisation = E2E.as("contract-service", "commissioner", WEST_YORKSHIRE)
                    .queryParam(
                            "period", LocalDate.now(ZoneId.of("Europe/London")).toString())
                    .get("/contracts/" + first.getFirst() + "/utilisation")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(first.get(3)).isEqualTo(utilisation.getString("episodes.used"));
            assertThat(first.get(4)).isEqualTo(utilisation.getString("episodes.committed"));
        }
    }

    @Test
    void anotherIcbsDashboardShowsOnlyThatIcbsOwnNumbers() {
        try (Browser browser = Browser.open()) {
            browser.signIn("analyst", NORTH_EAST);
            browser.go("/dashboard");
            awaitChartsDrawn(browser);
            browser.assertAccessible("dashboard (another ICB)");
            browser.screenshot("dashboard-analyst-qhm");

            List<List<String>> theirs = table(browser, "chart-activity-table");
            assertThat(theirs).isEqualTo(activityAsReported(NORTH_EAST));
            assertThat(theirs).isNotEqualTo(activityAsReported(WEST_YORKSHIRE));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .contains(NORTH_EAST)
                    .doesNotContain(WEST_YORKSHIRE);

            // A period the dashboard does not offer: the error next to the field, nothing drawn.
            browser.go("/dashboard?period=fy-1900");
            browser.waitFor(By.id("period-error"));
            assertThat(browser.driver().getTitle()).startsWith("Error:");
            assertThat(browser.driver().findElements(By.cssSelector("canvas"))).isEmpty();
            browser.assertAccessible("dashboard with a period error");
            browser.screenshot("dashboard-period-error");
        }
    }

    static void awaitChartsDrawn(Browser browser) {
        browser.waitUntil(
                d -> ((Number) browser.js("return document.querySelectorAll('canvas[data-drawn=\"true\"]').length"))
                                .intValue()
                        == 4);
    }

    /** A table's body rows as the page shows them, cell by cell. */
    @SuppressWarnings("unchecked")
    static List<List<String>> table(Browser browser, String id) {
        return (List<List<String>>) browser.js(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
                        + ".map(tr => Array.from(tr.cells).map(c => c.textContent.trim()));",
                id);
    }

    /** The ICB's monthly activity report as the dashboard's table should show it. */
    static List<List<String>> activityAsReported(String icb) {
        List<Map<String, Object>> rows = E2E.as("outcomes-service", "analyst", icb)
                .queryParam("from", FIRST.toString())
                .queryParam("to", LAST.toString())
                .get("/reports/monthly-activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        List<List<String>> expected = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            assertThat(r.get("icb")).isEqualTo(icb);
            expected.add(List.of(
                    MONTH.format(YearMonth.parse((String) r.get("month"))),
                    "REDUCED".equals(r.get("variant")) ? "Reduced (fewer than 12 sessions)" : STANDARD,
                    String.valueOf(r.get("referrals")),
                    String.valueOf(r.get("starts")),
                    String.valueOf(r.get("completers")),
                    String.valueOf(r.get("droppedOut")),
                    String.valueOf(r.get("didNotAttend"))));
        }
        return expected;
    }

    /** Table rows as CSV lines: text quoted, numbers bare. */
    static List<String> asCsv(List<List<String>> rows) {
        return rows.stream()
                .map(r -> "\"" + r.get(0) + "\",\"" + r.get(1) + "\"," + String.join(",", r.subList(2, r.size())))
                .toList();
    }
}
