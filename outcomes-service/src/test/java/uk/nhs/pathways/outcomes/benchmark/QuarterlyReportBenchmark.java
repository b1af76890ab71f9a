package uk.nhs.pathways.outcomes.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.outcomes.report.service.NationalView;
import uk.nhs.pathways.outcomes.report.service.QuarterlyReport;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The quarterly ICB report at scale: 1,000,000 courses over three years (12 quarters) at 3,000 sites in
 * every ICB, ICBs weighted by their number of practices, with their referrals and about three measures
 * each, in their own database (pathways_outcomes_bench). Not a timed test: it measures and reports
 * p50/p95/max. Run it with {@code ./mvnw -B verify -pl outcomes-service -am -Pbenchmark}; the report is
 * printed and written to outcomes-service/target/benchmark/quarterly-report.txt.
 */
@QuarkusTest
@TestProfile(QuarterlyReportBenchmark.Isolated.class)
class QuarterlyReportBenchmark {

    static final int COURSES = 1_000_000;
    static final int SITES = 3_000;
    static final int PROVIDERS = 400;
    static final int QUARTERS = 12;
    static final int WARM_UP = 40;
    static final int RUNS = 300;

    /** Only the benchmark's database and the in-JVM broker; not the tests' database. */
    public static class Isolated implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(BenchmarkDatabase.class), new TestResourceEntry(KafkaTestCluster.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.category.\"org.hibernate\".level", "WARN", "quarkus.datasource.jdbc.max-size", "8");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuarterlyReport quarterly;

    @Inject
    NationalView national;

    @Inject
    Practices practices;

    @TestHTTPResource("/")
    URL base;

    final Quarter lastComplete = Quarter.of(LocalDate.now(ZoneOffset.UTC)).previous();

    @Test
    void quarterlyIcbReportOverAMillionCourses() throws Exception {
        long seedStart = System.nanoTime();
        Map<String, Integer> coursesPerIcb = seed();
        long seedSeconds = (System.nanoTime() - seedStart) / 1_000_000_000;

        List<String> icbs = new ArrayList<>(coursesPerIcb.keySet());
        icbs.sort((a, b) -> coursesPerIcb.get(b) - coursesPerIcb.get(a));
        String largest = icbs.getFirst();
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = lastComplete; quarters.size() < QUARTERS; q = q.previous()) {
            quarters.add(q);
        }
        Random random = new Random(7);
        HttpClient http = HttpClient.newHttpClient();

        List<String> report = new ArrayList<>();
        report.add("Quarterly report benchmark: %,d courses, %,d sites, %d ICBs, %d quarters (seeded in %d s), %d CPUs"
                .formatted(
                        COURSES,
                        SITES,
                        icbs.size(),
                        QUARTERS,
                        seedSeconds,
                        Runtime.getRuntime().availableProcessors()));
        report.add("largest ICB %s: %,d courses (about %,d a quarter)"
                .formatted(largest, coursesPerIcb.get(largest), coursesPerIcb.get(largest) / QUARTERS));
        report.add("%-70s %8s %8s %8s %8s".formatted("scenario", "p50 ms", "p95 ms", "max ms", "rows"));
        report.add(measure(
                "one ICB, one quarter (service): random ICB and quarter",
                RUNS,
                () -> quarterly
                        .of(quarters.get(random.nextInt(QUARTERS)), icbs.get(random.nextInt(icbs.size())), false)
                        .rows()
                        .size()));
        report.add(measure(
                "largest ICB, random quarter (service)",
                RUNS,
                () -> quarterly
                        .of(quarters.get(random.nextInt(QUARTERS)), largest, false)
                        .rows()
                        .size()));
        report.add(measure("GET /reports/quarterly as the ICB's analyst (HTTP, JSON), random ICB/quarter", RUNS, () -> {
            String icb = icbs.get(random.nextInt(icbs.size()));
            return get(http, "reports/quarterly?quarter=" + quarters.get(random.nextInt(QUARTERS)), icb, "json");
        }));
        report.add(measure(
                "GET /reports/quarterly?format=csv, largest ICB (HTTP, CSV)",
                RUNS,
                () -> get(
                        http,
                        "reports/quarterly?format=csv&quarter=" + quarters.get(random.nextInt(QUARTERS)),
                        largest,
                        "csv")));
        report.add(measure(
                "every ICB, one quarter, suppressed (service; admin's cross-ICB table)",
                10,
                () -> quarterly
                        .of(quarters.get(random.nextInt(QUARTERS)), null, true)
                        .rows()
                        .size()));
        report.add(measure(
                "national view, one quarter (service)",
                10,
                () -> national.of(quarters.get(random.nextInt(QUARTERS))).rows().size()));
        // The ceiling, in the same run: the database alone reading the largest ICB's quarter through the
        // report's own indexes (courses started, courses ended), grouped by site, with no service around it.
        String largestSide = report.get(4);
        report.add(measure(
                "ceiling: largest ICB's quarter read and grouped by site in SQL alone (JDBC)",
                RUNS,
                () -> databaseAlone(quarters.get(random.nextInt(QUARTERS)), largest)));
        report.add("largest ICB: the service's p50 is %.1fx the database alone's"
                .formatted(p50(largestSide) / p50(report.getLast())));
        report.add("(rows: report rows per answer, averaged; for HTTP, bytes per response)");

        String text = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + text + System.lineSeparator());
        Path out = Path.of("target", "benchmark", "quarterly-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator());
    }

    int databaseAlone(Quarter quarter, String icb) {
        try (java.sql.Connection db = dataSource.getConnection();
                java.sql.PreparedStatement read = db.prepareStatement("""
                        select site_id, count(*) from course
                        where icb = ? and first_session_on >= ? and first_session_on < ? group by site_id
                        union all
                        select site_id, count(*) filter (where outcome = 'COMPLETED') from course
                        where icb = ? and ended_on >= ? and ended_on < ? group by site_id""")) {
            for (int side = 0; side < 2; side++) {
                read.setString(1 + side * 3, icb);
                read.setObject(2 + side * 3, quarter.firstDay());
                read.setObject(3 + side * 3, quarter.endExclusive());
            }
            int rows = 0;
            try (java.sql.ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The p50 column of a report line. */
    static double p50(String line) {
        String[] columns = line.trim().split("\\s+");
        return Double.parseDouble(columns[columns.length - 4]);
    }

    int get(HttpClient http, String path, String icb, String format) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TestTokens.token("analyst", icb))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().length();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a scenario after a warm-up, each run in its own request context, and summarises the latencies. */
    static String measure(String scenario, int runs, Supplier<Integer> query) {
        for (int i = 0; i < Math.min(WARM_UP, runs); i++) {
            inRequest(query);
        }
        long[] nanos = new long[runs];
        double rows = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            rows += inRequest(query);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return "%-70s %8.1f %8.1f %8.1f %8.0f"
                .formatted(scenario, ms(nanos, 0.50), ms(nanos, 0.95), nanos[runs - 1] / 1e6, rows / runs);
    }

    static int inRequest(Supplier<Integer> query) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return query.get();
        } finally {
            request.terminate();
        }
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    // ---- seeding: straight into the tables with COPY (no events for benchmark data) -------------------

    record Site(String id, String provider, String icb, boolean reduced) {}

    Map<String, Integer> seed() throws Exception {
        Random random = new Random(1_000_000);
        Map<String, List<String>> practicesByIcb = new HashMap<>();
        for (Map<String, String> row : ReferenceData.rows("gp_practices_england.csv")) {
            practicesByIcb
                    .computeIfAbsent(row.get("icb_ods_code"), k -> new ArrayList<>())
                    .add(row.get("ods_code"));
        }
        List<String> icbByWeight = new ArrayList<>(); // one entry per practice: ICBs weighted by size
        practicesByIcb.forEach((icb, list) -> list.forEach(p -> icbByWeight.add(icb)));
        icbByWeight.sort(null);
        List<Site> sites = new ArrayList<>(SITES);
        for (int i = 0; i < SITES; i++) {
            sites.add(new Site(
                    "bench-site-" + i,
                    "bench-provider-" + random.nextInt(PROVIDERS),
                    icbByWeight.get(random.nextInt(icbByWeight.size())),
                    random.nextInt(100) < 15));
        }
        LocalDate firstDay = lastComplete.firstDay();
        for (int i = 1; i < QUARTERS; i++) {
            firstDay = firstDay.minusMonths(3);
        }
        int days = (int) (lastComplete.endExclusive().toEpochDay() - firstDay.toEpochDay());
        Map<String, Integer> perIcb = new HashMap<>();
        StringBuilder courses = new StringBuilder();
        StringBuilder journeys = new StringBuilder();
        StringBuilder measures = new StringBuilder();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            for (int n = 0; n < COURSES; n++) {
                Site site = sites.get(random.nextInt(SITES));
                List<String> local = practicesByIcb.get(site.icb());
                String practice = local.get(random.nextInt(local.size()));
                String pcn = practices.pcnOf(practice).orElse("");
                perIcb.merge(site.icb(), 1, Integer::sum);
                LocalDate start = firstDay.plusDays(random.nextInt(days));
                LocalDate referred = start.minusDays(10 + random.nextInt(50));
                int roll = random.nextInt(100);
                String outcome = roll < 8 ? "DID_NOT_ATTEND" : roll < 25 ? "DROPPED_OUT" : "COMPLETED";
                boolean started = !outcome.equals("DID_NOT_ATTEND");
                LocalDate ended = outcome.equals("COMPLETED")
                        ? start.plusDays(40 + random.nextInt(10))
                        : start.plusDays(7 + random.nextInt(20));
                int sessions = site.reduced() ? 8 : 12;
                String referral = "bench-ref-" + n;
                String course = "bench-course-" + n;
                boolean baseline = started && random.nextInt(100) < 94;
                boolean end = outcome.equals("COMPLETED") && random.nextInt(100) < 85;
                boolean followUp = end && random.nextInt(100) < 55;
                courses.append(String.join(
                                "\t",
                                course,
                                referral,
                                site.id(),
                                site.provider(),
                                site.icb(),
                                practice,
                                pcn,
                                "KNEE",
                                "65-74",
                                referred.toString(),
                                String.valueOf(sessions),
                                String.valueOf(site.reduced()),
                                started ? start.toString() : "\\N",
                                outcome,
                                ended.toString(),
                                String.valueOf(baseline && end),
                                "2026-01-01 00:00:00+00"))
                        .append('\n');
                journeys.append(String.join(
                                "\t",
                                referral,
                                "p-bench-" + n,
                                practice,
                                "KNEE",
                                site.id(),
                                site.provider(),
                                String.valueOf(sessions),
                                site.icb(),
                                site.icb(),
                                pcn,
                                outcome,
                                referred + " 10:00:00+00",
                                referred.plusDays(1) + " 10:00:00+00",
                                referred.plusDays(1) + " 10:00:00+00",
                                referred.plusDays(3) + " 10:00:00+00",
                                "2026-01-01 00:00:00+00"))
                        .append('\n');
                int function = 40 + random.nextInt(30);
                int pain = 4 + random.nextInt(5);
                if (baseline) {
                    measure(measures, course, "KOOS_PS", "FIRST_SESSION", function, null, 10, true);
                    measure(measures, course, "PAIN_NRS", "FIRST_SESSION", pain, null, 2, false);
                }
                if (end) {
                    int f = Math.min(100, function + random.nextInt(25) - 4);
                    int p = Math.max(0, pain - random.nextInt(5));
                    measure(measures, course, "KOOS_PS", "LAST_SESSION", f, baseline ? function : null, 10, true);
                    measure(measures, course, "PAIN_NRS", "LAST_SESSION", p, baseline ? pain : null, 2, false);
                }
                if (followUp) {
                    int f = Math.min(100, function + random.nextInt(20) - 4);
                    measure(measures, course, "KOOS_PS", "FOLLOW_UP", f, baseline ? function : null, 10, true);
                }
                if (n % 100_000 == 99_999) {
                    flush(copy, courses, journeys, measures);
                }
            }
            flush(copy, courses, journeys, measures);
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze course");
                s.execute("vacuum analyze referral_journey");
                s.execute("vacuum analyze measure");
            }
        }
        return perIcb;
    }

    static void measure(
            StringBuilder out,
            String course,
            String instrument,
            String timepoint,
            int score,
            Integer baseline,
            int mcid,
            boolean higherIsBetter) {
        String change = "\\N";
        String responder = "\\N";
        if (baseline != null && !timepoint.equals("FIRST_SESSION")) {
            int c = higherIsBetter ? score - baseline : baseline - score;
            change = String.valueOf(c);
            responder = String.valueOf(c >= mcid);
        }
        out.append(String.join(
                        "\t",
                        course,
                        instrument,
                        timepoint,
                        String.valueOf(score),
                        timepoint.equals("FIRST_SESSION")
                                ? String.valueOf(score)
                                : baseline == null ? "\\N" : String.valueOf(baseline),
                        change,
                        String.valueOf(mcid),
                        responder,
                        "2026-01-01 00:00:00+00"))
                .append('\n');
    }

    static void flush(CopyManager copy, StringBuilder courses, StringBuilder journeys, StringBuilder measures)
            throws Exception {
        copy.copyIn(
                "copy course (course_id, referral_id, site_id, provider_id, icb, practice_ods_code, pcn_code, joint,"
                        + " age_band, referred_on, sessions_planned, reduced, first_session_on, outcome, ended_on,"
                        + " baseline_and_end, updated_at) from stdin",
                new StringReader(courses.toString()));
        copy.copyIn(
                "copy referral_journey (referral_id, patient_pseudonym, practice_ods_code, joint, site_id, provider_id,"
                        + " sessions, icb, commissioner_icb, pcn_code, status, submitted_at, decided_at, first_offered_at,"
                        + " first_booked_at, updated_at) from stdin",
                new StringReader(journeys.toString()));
        copy.copyIn(
                "copy measure (course_id, instrument, timepoint, score, baseline, change, mcid, responder, recorded_at)"
                        + " from stdin",
                new StringReader(measures.toString()));
        courses.setLength(0);
        journeys.setLength(0);
        measures.setLength(0);
    }
}
