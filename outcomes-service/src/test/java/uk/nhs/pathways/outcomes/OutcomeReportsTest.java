package uk.nhs.pathways.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.nhs.pathways.outcomes.Episodes.id;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.directory.domain.SiteCopy;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The reports on known data: Shropshire, Telford and Wrekin (QOC) in the first quarter of 2026, where no
 * other test puts anything. Two practices refer nine people to three sites of two providers, one site
 * running a reduced 8-session course.
 */
@QuarkusTest
class OutcomeReportsTest {

    static final String ICB = "QOC";
    static final String X1 = "M82002";
    static final String X2 = "M82003";
    static final String PROVIDER = "prov-qoc";
    /** A provider id a spreadsheet would run as a formula if the CSV let it. */
    static final String FORMULA_PROVIDER = "=cmd|' /C calc'!A0";

    static final String S1 = id("qoc-site-1");
    static final String S2 = id("qoc-site-2");
    static final String S3 = id("qoc-site-3");
    static boolean loaded;

    @Inject
    Practices practices;

    static LocalDate d(String day) {
        return LocalDate.parse("2026-" + day);
    }

    /** One referral, booked, with its course: started on {@code first} (or never), ended on {@code end}. */
    static String course(
            String practice,
            String site,
            String provider,
            int sessions,
            LocalDate referred,
            LocalDate first,
            CourseOutcome outcome,
            LocalDate end) {
        String referral = id("qoc-ref");
        String course = id("qoc-course");
        String klass = "class-" + site;
        Episodes.referred(referral, practice, site, provider, klass, sessions, referred);
        Episodes.booked(referral, site, provider, klass, referred.plusDays(3));
        if (first != null) {
            Episodes.session(referral, course, klass, 1, first, Attendance.ATTENDED);
            Episodes.started(referral, course, site, provider, klass, sessions, first);
        } else {
            for (int n = 1; n <= 3; n++) {
                Episodes.session(referral, course, klass, n, end.minusDays(7 - 2L * n), Attendance.ABSENT);
            }
        }
        int attended = outcome == CourseOutcome.COMPLETED ? sessions - 1 : outcome == CourseOutcome.DROPPED_OUT ? 3 : 0;
        int held = outcome == CourseOutcome.COMPLETED ? sessions : 6;
        Episodes.ended(referral, course, outcome, sessions, held, attended, end);
        return referral + "|" + course;
    }

    static void measure(String ids, Instrument instrument, Timepoint timepoint, String score, LocalDate on) {
        String[] parts = ids.split("\\|");
        Episodes.measure(parts[0], parts[1], instrument, timepoint, score, on);
    }

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        // Sites in Shrewsbury and Telford; their copies arrive first.
        Episodes.site(S1, PROVIDER, Setting.LEISURE_CENTRE, 12, "SY3 5LZ");
        Episodes.site(S2, PROVIDER, Setting.COMMUNITY_CENTRE, 12, "TF3 1FB");
        Episodes.site(S3, FORMULA_PROVIDER, Setting.PHYSIOTHERAPY_DEPARTMENT, 8, "SY3 5LZ");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> SiteCopy.findById(S3) != null));

        String r1 = course(X1, S1, PROVIDER, 12, d("01-12"), d("02-01"), CourseOutcome.COMPLETED, d("03-10"));
        String r2 = course(X1, S1, PROVIDER, 12, d("01-02"), d("02-01"), CourseOutcome.COMPLETED, d("03-10"));
        String r3 = course(X1, S1, PROVIDER, 12, d("01-07"), d("02-01"), CourseOutcome.COMPLETED, d("03-10"));
        String r4 = course(X1, S1, PROVIDER, 12, d("01-05"), d("02-14"), CourseOutcome.DROPPED_OUT, d("02-28"));
        course(X2, S1, PROVIDER, 12, d("01-10"), null, CourseOutcome.DID_NOT_ATTEND, d("02-08"));
        String r6 = course(X2, S1, PROVIDER, 12, d("01-15"), d("02-19"), CourseOutcome.COMPLETED, d("03-30"));
        course(X1, S3, FORMULA_PROVIDER, 8, d("01-10"), d("02-01"), CourseOutcome.COMPLETED, d("03-01"));
        // Two more at site 2: one offered and never booked, one booked and not yet started.
        String r8 = id("qoc-ref");
        Episodes.referred(r8, X2, S2, PROVIDER, "class-" + S2, 12, d("01-20"));
        String r10 = id("qoc-ref");
        Episodes.referred(r10, X2, S2, PROVIDER, "class-" + S2, 12, d("01-21"));
        Episodes.booked(r10, S2, PROVIDER, "class-" + S2, d("01-25"));

        measure(r1, Instrument.KOOS_PS, Timepoint.FIRST_SESSION, "50.0", d("02-01"));
        measure(r1, Instrument.KOOS_PS, Timepoint.LAST_SESSION, "63.0", d("03-10"));
        measure(r1, Instrument.KOOS_PS, Timepoint.FOLLOW_UP, "60.0", d("09-10"));
        measure(r2, Instrument.KOOS_PS, Timepoint.FIRST_SESSION, "50.0", d("02-01"));
        measure(r2, Instrument.KOOS_PS, Timepoint.LAST_SESSION, "55.0", d("03-10"));
        measure(r3, Instrument.KOOS_PS, Timepoint.LAST_SESSION, "70.0", d("03-10"));
        measure(r4, Instrument.KOOS_PS, Timepoint.FIRST_SESSION, "48.8", d("02-14"));
        measure(r6, Instrument.KOOS_PS, Timepoint.FIRST_SESSION, "45.6", d("02-19"));
        measure(r6, Instrument.PAIN_NRS, Timepoint.FIRST_SESSION, "7", d("02-19"));
        measure(r6, Instrument.KOOS_PS, Timepoint.LAST_SESSION, "56.0", d("03-30"));
        measure(r6, Instrument.PAIN_NRS, Timepoint.LAST_SESSION, "4", d("03-30"));

        String analyst = TestTokens.token("analyst", ICB);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> icb =
                    row(quarterly(analyst), r -> "ICB".equals(r.get("level")) && "STANDARD".equals(r.get("variant")));
            assertThat(icb.get("PAIN_NRS.LAST_SESSION.paired")).isEqualTo(1);
            assertThat(icb.get("KOOS_PS.FOLLOW_UP.paired")).isEqualTo(1);
            assertThat(icb.get("referrals")).isEqualTo(8);
            assertThat(icb.get("completers")).isEqualTo(4);
        });
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(row(monthly(analyst), r -> X2.equals(r.get("practiceOdsCode")))
                                .get("booked"))
                        .isEqualTo(3));
    }

    static Response quarterly(String token, Object... params) {
        var request = given().auth().oauth2(token).queryParam("quarter", "2026-Q1");
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/reports/quarterly");
    }

    static Response monthly(String token, Object... params) {
        var request = given().auth().oauth2(token).queryParam("month", "2026-01");
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/reports/fcp-monthly");
    }

    static List<Map<String, Object>> rows(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("rows");
    }

    static Map<String, Object> row(Response response, Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> matching =
                rows(response).stream().filter(which).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    @SuppressWarnings("unchecked")
    static List<String> suppressed(Map<String, Object> row) {
        return (List<String>) row.get("suppressed");
    }

    static Predicate<Map<String, Object>> level(String level, String variant, String key, String value) {
        return r -> level.equals(r.get("level"))
                && variant.equals(r.get("variant"))
                && (key == null || value.equals(r.get(key)));
    }

    @Test
    void theQuarterPerIcbSiteAndVariantAsTheIcbsAnalystSeesIt() {
        Response response = quarterly(TestTokens.token("analyst", ICB));
        response.then()
                .statusCode(200)
                .body("quarter", equalTo("2026-Q1"))
                .body("from", equalTo("2026-01-01"))
                .body("to", equalTo("2026-03-31"))
                .body("scope", equalTo(ICB))
                .body("smallNumbersSuppressed", equalTo(false));
        Map<String, Object> icb = row(response, level("ICB", "STANDARD", null, null));
        assertThat(icb)
                .containsEntry("icb", ICB)
                .containsEntry("referrals", 8)
                .containsEntry("starts", 5)
                .containsEntry("completers", 4)
                .containsEntry("droppedOut", 1)
                .containsEntry("didNotAttend", 1)
                .containsEntry("completionPercent", 80.0f)
                .containsEntry("medianDaysToFirstSession", 30.0f)
                .containsEntry("withBaselineAndEnd", 3)
                .containsEntry("dataCompletenessPercent", 60.0f)
                // KOOS-PS at the last session: +13 and +10.4 respond, +5 does not; one dropped out unmeasured.
                .containsEntry("KOOS_PS.LAST_SESSION.paired", 3)
                .containsEntry("KOOS_PS.LAST_SESSION.responders", 2)
                .containsEntry("KOOS_PS.LAST_SESSION.responderPercent", 66.7f)
                .containsEntry("KOOS_PS.LAST_SESSION.meanChange", 9.47f)
                .containsEntry("KOOS_PS.LAST_SESSION.missing", 1)
                // Follow-up: one of four baselines followed up (exactly the MCID: a responder); three missing.
                .containsEntry("KOOS_PS.FOLLOW_UP.paired", 1)
                .containsEntry("KOOS_PS.FOLLOW_UP.responders", 1)
                .containsEntry("KOOS_PS.FOLLOW_UP.missing", 3)
                .containsEntry("PAIN_NRS.LAST_SESSION.meanChange", 3.0f)
                .containsEntry("PAIN_NRS.LAST_SESSION.responderPercent", 100.0f)
                .containsEntry("EQ_VAS.LAST_SESSION.paired", 0);
        assertThat(icb.get("EQ_VAS.LAST_SESSION.meanChange")).isNull();
        assertThat(suppressed(icb)).isEmpty();

        // The reduced course is its own row, never in the standard figures.
        Map<String, Object> reduced = row(response, level("ICB", "REDUCED", null, null));
        assertThat(reduced)
                .containsEntry("referrals", 1)
                .containsEntry("starts", 1)
                .containsEntry("completers", 1)
                .containsEntry("completionPercent", 100.0f);
        assertThat(row(response, level("PROVIDER", "REDUCED", "providerId", FORMULA_PROVIDER)))
                .containsEntry("completers", 1);

        assertThat(row(response, level("SITE", "STANDARD", "siteId", S1)))
                .containsEntry("providerId", PROVIDER)
                .containsEntry("referrals", 6)
                .containsEntry("starts", 5);
        assertThat(row(response, level("SITE", "STANDARD", "siteId", S2)))
                .containsEntry("referrals", 2)
                .containsEntry("starts", 0);
        assertThat(row(response, level("PROVIDER", "STANDARD", "providerId", PROVIDER)))
                .containsEntry("referrals", 8)
                .containsEntry("completers", 4);
        assertThat(rows(response)).noneMatch(r -> "NATIONAL".equals(r.get("level")));

        // The site-activity report still counts a referral that went on to a course as offered and booked.
        given().auth()
                .oauth2(TestTokens.token("admin", null))
                .get("/reports/site-activity")
                .then()
                .statusCode(200)
                .body("find { it.siteId == '" + S1 + "' }.referrals", equalTo(6))
                .body("find { it.siteId == '" + S1 + "' }.offered", equalTo(6))
                .body("find { it.siteId == '" + S1 + "' }.booked", equalTo(6));
    }

    @Test
    void anotherIcbsAnalystSeesNothingOfItAndCannotAskForIt() {
        String other = TestTokens.token("analyst", "QWO");
        assertThat(rows(quarterly(other))).noneMatch(r -> ICB.equals(r.get("icb")));
        assertThat(rows(monthly(other))).noneMatch(r -> ICB.equals(r.get("icb")));
        quarterly(other, "icb", ICB)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        monthly(TestTokens.token("commissioner", "QWO"), "icb", ICB).then().statusCode(404);
        // Its own ICB named explicitly is fine.
        quarterly(TestTokens.token("commissioner", ICB), "icb", "qoc").then().statusCode(200);
    }

    @Test
    void acrossIcbsSmallCountsAreSuppressedAndSoIsWhatWouldGiveThemAway() {
        String admin = TestTokens.token("admin", null);
        Response all = quarterly(admin);
        all.then().body("scope", equalTo("ALL")).body("smallNumbersSuppressed", equalTo(true));
        Map<String, Object> site2 = row(all, level("SITE", "STANDARD", "siteId", S2));
        assertThat(site2.get("referrals")).as("2 referrals: primary").isNull();
        assertThat(suppressed(site2)).contains("referrals");
        // Site 1's 6 referrals would give site 2's away (provider 8 - 6): secondary suppression.
        Map<String, Object> site1 = row(all, level("SITE", "STANDARD", "siteId", S1));
        assertThat(site1.get("referrals")).isNull();
        assertThat(suppressed(site1)).contains("referrals");
        assertThat(site1.get("starts")).isEqualTo(5);
        Map<String, Object> icb = row(all, level("ICB", "STANDARD", "icb", ICB));
        assertThat(icb.get("completers")).isNull();
        assertThat(icb.get("completionPercent"))
                .as("rests on a suppressed count")
                .isNull();
        assertThat(icb.get("referrals")).isEqualTo(8);
        assertThat(rows(all)).anyMatch(r -> "NATIONAL".equals(r.get("level")));

        // An admin naming the one ICB gets it whole, as its analysts do.
        assertThat(row(quarterly(admin, "icb", ICB), level("ICB", "STANDARD", null, null)))
                .containsEntry("completers", 4);

        // The national view is the same table's national and ICB rows: the same cells withheld.
        Response national = given().auth()
                .oauth2(TestTokens.token("analyst", "QWO"))
                .queryParam("quarter", "2026-Q1")
                .get("/reports/national");
        national.then().statusCode(200).body("smallNumbersSuppressed", equalTo(true));
        Map<String, Object> qoc = row(national, level("ICB", "STANDARD", "icb", ICB));
        assertThat(qoc.get("completers")).isNull();
        assertThat(qoc.get("referrals")).isEqualTo(8);
        assertThat(rows(national)).noneMatch(r -> "SITE".equals(r.get("level")));
        Map<String, Object> sites = national.jsonPath().getMap("sites");
        assertThat(((Number) sites.get("everDelivering")).intValue()).isGreaterThanOrEqualTo(2);
        List<Map<String, Object>> byIcb = national.jsonPath().getList("sitesByIcb");
        assertThat(byIcb)
                .filteredOn(s -> ICB.equals(s.get("icb")))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.get("everDelivering")).isEqualTo(2);
                    assertThat(s.get("deliveringInQuarter")).isEqualTo(2);
                });

        // The FCP report across ICBs: practice 2's four referrals and its funnel go; with the PCN's totals
        // shown, practice 1's counts beside them go too (PCN 9 - practice 1's 5 would give practice 2's 4).
        Response monthly = monthly(admin);
        Map<String, Object> x2 = row(monthly, r -> X2.equals(r.get("practiceOdsCode")));
        assertThat(suppressed(x2))
                .contains("referralsMade", "offered", "booked", "started", "completed", "medianDaysToFirstSession");
        Map<String, Object> x1 = row(monthly, r -> X1.equals(r.get("practiceOdsCode")));
        assertThat(x1.get("referralsMade")).isNull();
        assertThat(suppressed(x1)).contains("referralsMade", "started", "completed");
        // The PCN's drop-offs are complements too: 8 booked and 6 started would say 2 booked people never came.
        Map<String, Object> pcn = row(monthly, r -> "PCN".equals(r.get("level")) && ICB.equals(r.get("icb")));
        assertThat(pcn).containsEntry("referralsMade", 9).containsEntry("offered", 9);
        assertThat(suppressed(pcn)).contains("started");
    }

    @Test
    void theFcpMonthlyReportFollowsTheMonthsReferralsPerPracticeAndPcn() {
        Response response = monthly(TestTokens.token("commissioner", ICB));
        response.then()
                .statusCode(200)
                .body("month", equalTo("2026-01"))
                .body("smallNumbersSuppressed", equalTo(false))
                .body("notes", org.hamcrest.Matchers.hasItem(containsString("demonstration grouping")));
        assertThat(row(response, r -> X1.equals(r.get("practiceOdsCode"))))
                .containsEntry("level", "PRACTICE")
                .containsEntry("pcnCode", practices.pcnOf(X1).orElseThrow())
                .containsEntry("referralsMade", 5)
                .containsEntry("offered", 5)
                .containsEntry("booked", 5)
                .containsEntry("started", 5)
                .containsEntry("completed", 4)
                .containsEntry("medianDaysToFirstSession", 25.0f);
        assertThat(row(response, r -> X2.equals(r.get("practiceOdsCode"))))
                .containsEntry("referralsMade", 4)
                .containsEntry("offered", 4)
                .containsEntry("booked", 3)
                .containsEntry("started", 1)
                .containsEntry("completed", 1)
                .containsEntry("medianDaysToFirstSession", 35.0f);
        assertThat(practices.pcnOf(X2)).isEqualTo(practices.pcnOf(X1));
        assertThat(row(response, r -> "PCN".equals(r.get("level"))))
                .containsEntry("pcnCode", practices.pcnOf(X1).orElseThrow())
                .containsEntry("referralsMade", 9)
                .containsEntry("booked", 8)
                .containsEntry("started", 6)
                .containsEntry("completed", 5)
                .containsEntry("medianDaysToFirstSession", 27.5f);
        assertThat(row(response, r -> "ICB".equals(r.get("level")))).containsEntry("referralsMade", 9);
    }

    static Response monthlyActivity(String token, Object... params) {
        var request = given().auth().oauth2(token).queryParam("from", "2026-01").queryParam("to", "2026-03");
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/reports/monthly-activity");
    }

    static Predicate<Map<String, Object>> month(String level, String month, String variant) {
        return r -> level.equals(r.get("level")) && month.equals(r.get("month")) && variant.equals(r.get("variant"));
    }

    @Test
    void theIcbsMonthsOfReferralsStartsAndCompletionsAddUpToItsQuarter() {
        Response response = monthlyActivity(TestTokens.token("analyst", ICB));
        response.then()
                .statusCode(200)
                .body("from", equalTo("2026-01"))
                .body("to", equalTo("2026-03"))
                .body("firstDay", equalTo("2026-01-01"))
                .body("lastDay", equalTo("2026-03-31"))
                .body("scope", equalTo(ICB))
                .body("smallNumbersSuppressed", equalTo(false));
        // Referrals in January; starts, a drop-out and a did-not-attend in February; completions in March.
        assertThat(row(response, month("ICB", "2026-01", "STANDARD")))
                .containsEntry("icb", ICB)
                .containsEntry("referrals", 8)
                .containsEntry("starts", 0)
                .containsEntry("completers", 0);
        assertThat(row(response, month("ICB", "2026-02", "STANDARD")))
                .containsEntry("referrals", 0)
                .containsEntry("starts", 5)
                .containsEntry("droppedOut", 1)
                .containsEntry("didNotAttend", 1)
                .containsEntry("completers", 0);
        assertThat(row(response, month("ICB", "2026-03", "STANDARD")))
                .containsEntry("starts", 0)
                .containsEntry("completers", 4);
        // The reduced course stays apart: its own rows, only in the months it had activity.
        assertThat(row(response, month("ICB", "2026-01", "REDUCED"))).containsEntry("referrals", 1);
        assertThat(row(response, month("ICB", "2026-03", "REDUCED"))).containsEntry("completers", 1);
        assertThat(rows(response)).hasSize(3 + 3);
        assertThat(rows(response)).allMatch(r -> ICB.equals(r.get("icb")));

        String csv = monthlyActivity(TestTokens.token("commissioner", ICB), "format", "csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("monthly-activity-2026-01-to-2026-03-QOC.csv"))
                .extract()
                .asString();
        assertThat(csv.lines().toList().getFirst())
                .isEqualTo("\"level\",\"month\",\"icb\",\"variant\",\"referrals\",\"starts\",\"completers\","
                        + "\"droppedOut\",\"didNotAttend\"");
        assertThat(csv.lines()).contains("\"ICB\",\"2026-02\",\"QOC\",\"STANDARD\",0,5,0,1,1");
    }

    @Test
    void anotherIcbsAnalystDoesNotSeeTheseMonthsAndAcrossIcbsSmallCountsAreSuppressed() {
        String other = TestTokens.token("analyst", "QWO");
        Response theirs = monthlyActivity(other);
        assertThat(rows(theirs)).isNotEmpty().allMatch(r -> "QWO".equals(r.get("icb")));
        assertThat(row(theirs, month("ICB", "2026-01", "STANDARD")).get("referrals"))
                .as("QOC's eight January referrals are not West Yorkshire's")
                .isNotEqualTo(8);
        monthlyActivity(other, "icb", ICB).then().statusCode(404).contentType("application/problem+json");
        monthlyActivity(TestTokens.token("commissioner", "QWO"), "icb", "qoc")
                .then()
                .statusCode(404);
        monthlyActivity(TestTokens.token("provider", PROVIDER)).then().statusCode(403);

        Response all = monthlyActivity(TestTokens.token("admin", null));
        all.then().body("scope", equalTo("ALL")).body("smallNumbersSuppressed", equalTo(true));
        Map<String, Object> reduced =
                row(all, r -> month("ICB", "2026-01", "REDUCED").test(r) && ICB.equals(r.get("icb")));
        assertThat(reduced.get("referrals")).as("one referral: primary").isNull();
        assertThat(suppressed(reduced)).contains("referrals");
        assertThat(row(all, r -> month("ICB", "2026-01", "STANDARD").test(r) && ICB.equals(r.get("icb"))))
                .containsEntry("referrals", 8);
        assertThat(rows(all)).anyMatch(month("NATIONAL", "2026-02", "STANDARD"));
    }

    @Test
    void badMonthSpansAreRefusedNamingTheField() {
        String analyst = TestTokens.token("analyst", ICB);
        given().auth()
                .oauth2(analyst)
                .queryParam("from", "2026-04")
                .queryParam("to", "2026-03")
                .get("/reports/monthly-activity")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(analyst)
                .queryParam("from", "2024-01")
                .queryParam("to", "2026-01")
                .get("/reports/monthly-activity")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("24 months"));
        for (String to : List.of(
                "2026-1",
                "2026-13",
                "",
                LocalDate.now().plusMonths(2).toString().substring(0, 7))) {
            given().auth()
                    .oauth2(analyst)
                    .queryParam("to", to)
                    .get("/reports/monthly-activity")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("to"));
        }
        monthlyActivity(analyst, "month", "2026-01").then().statusCode(400).body("errors[0].field", equalTo("month"));
        // Twelve months ending with the last complete one when no span is given.
        given().auth()
                .oauth2(analyst)
                .get("/reports/monthly-activity")
                .then()
                .statusCode(200)
                .body("rows.findAll { it.variant == 'STANDARD' }.size()", equalTo(12));
    }

    @Test
    void csvOnAskingWithFormulasDisarmed() {
        String analyst = TestTokens.token("analyst", ICB);
        String byAccept = given().auth()
                .oauth2(analyst)
                .accept("text/csv")
                .queryParam("quarter", "2026-Q1")
                .get("/reports/quarterly")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("quarterly-2026-Q1-QOC.csv"))
                .extract()
                .asString();
        String byParameter = quarterly(analyst, "format", "csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(byParameter).isEqualTo(byAccept);
        List<String> lines = byAccept.lines().toList();
        assertThat(lines.getFirst())
                .startsWith("\"level\",\"icb\",\"providerId\",\"siteId\",\"variant\",\"referrals\"");
        assertThat(byAccept).contains("\"'=cmd|' /C calc'!A0\"").doesNotContain(",\"=cmd");
        assertThat(lines).anyMatch(l -> l.startsWith("\"ICB\",\"QOC\",,,\"STANDARD\",8,5,4,1,1,3,"));

        String suppressed = quarterly(TestTokens.token("admin", null), "format", "csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(suppressed).contains("\"[c]\"");

        monthly(analyst, "format", "CSV").then().statusCode(200).contentType(startsWith("text/csv"));
        given().auth()
                .oauth2(analyst)
                .queryParam("quarter", "2026-Q1")
                .queryParam("format", "csv")
                .get("/reports/national")
                .then()
                .statusCode(200)
                .body(containsString("\"NATIONAL\""));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        String analyst = TestTokens.token("analyst", ICB);
        given().auth()
                .oauth2(analyst)
                .queryParam("quater", "2026-Q1")
                .get("/reports/quarterly")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("quater"));
        quarterly(analyst, "site", "x").then().statusCode(400).body("errors[0].field", equalTo("site"));
        for (String quarter : List.of("2026-3", "2026-Q5", "Q1-2026", "2026-q1x", "")) {
            given().auth()
                    .oauth2(analyst)
                    .queryParam("quarter", quarter)
                    .get("/reports/quarterly")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("quarter"));
        }
        String nextYear = (LocalDate.now().getYear() + 1) + "-Q1";
        given().auth()
                .oauth2(analyst)
                .queryParam("quarter", nextYear)
                .get("/reports/national")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("quarter"))
                .body("errors[0].message", containsString("future"));
        given().auth()
                .oauth2(analyst)
                .queryParam("month", "2026-13")
                .get("/reports/fcp-monthly")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().auth()
                .oauth2(analyst)
                .queryParam("month", LocalDate.now().plusMonths(2).toString().substring(0, 7))
                .get("/reports/fcp-monthly")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        quarterly(analyst, "format", "xml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        quarterly(TestTokens.token("admin", null), "icb", "ZZZ").then().statusCode(404);
        // Errors are problem+json even when CSV was asked for.
        given().auth()
                .oauth2(analyst)
                .accept("text/csv")
                .queryParam("quarter", "2026-Q9")
                .get("/reports/quarterly")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theMeasuresAndTheirThresholdsArePublished() {
        given().auth()
                .oauth2(TestTokens.token("provider", "prov-qoc"))
                .get("/measures")
                .then()
                .statusCode(200)
                .body("find { it.instrument == 'KOOS_PS' }.mcid", equalTo(10))
                .body("find { it.instrument == 'PAIN_NRS' }.higherIsBetter", equalTo(false))
                .body("find { it.instrument == 'ASES_8' }.mcid", equalTo(1.1f))
                .body("size()", equalTo(Instrument.values().length));
    }
}
