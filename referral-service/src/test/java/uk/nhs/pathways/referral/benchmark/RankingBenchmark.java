package uk.nhs.pathways.referral.benchmark;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.routing.domain.Preferences;
import uk.nhs.pathways.referral.routing.domain.RankingOutcome;
import uk.nhs.pathways.referral.routing.service.CandidateIndex;
import uk.nhs.pathways.referral.routing.service.ClassRouting;
import uk.nhs.pathways.testing.KafkaTestCluster;

/**
 * Ranking latency per referral at national scale: 10,000 sites and 100,000 classes at real GP-practice
 * postcodes across England, coverage for every ICB, in their own database (pathways_referral_bench);
 * ranked for referrals from a few thousand random practices (so, like real referrals, more often in
 * cities). Measures the service call a referral makes (ClassRouting.rank: bring the index up to date,
 * read the commissioner's coverage, rank), in its own transaction. Not a timed test: it reports
 * p50/p95/p99. Run: {@code ./mvnw -B verify -pl referral-service -am -Pbenchmark}; the report is printed
 * and written to referral-service/target/benchmark/ranking.txt.
 */
@QuarkusTest
@TestProfile(RankingBenchmark.Isolated.class)
class RankingBenchmark {

    static final int SITES = 10_000;
    static final int CLASSES = 100_000;
    static final int PROVIDERS = 400;
    static final int WARM_UP = 500;
    static final int REFERRALS = 3_000;

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

    record Practice(String ods, String postcode, String icb) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClassRouting routing;

    @Inject
    CandidateIndex index;

    @Inject
    Postcodes postcodes;

    final LocalDate today = England.today(java.time.Clock.systemUTC());
    final List<Practice> practices = ReferenceData.rows("gp_practices_england.csv").stream()
            .filter(r -> Postcodes.normalise(r.get("postcode")).isPresent())
            .map(r -> new Practice(r.get("ods_code"), r.get("postcode"), r.get("icb_ods_code")))
            .toList();
    final List<String> classIds = new ArrayList<>(CLASSES);

    @Test
    void rankingLatencyAtNationalScale() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        long loadStart = System.nanoTime();
        inRequest(() -> index.catchUp());
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        Random random = new Random(42);
        List<Practice> referrers = new ArrayList<>();
        for (int i = 0; i < WARM_UP + REFERRALS; i++) {
            Practice practice = practices.get(random.nextInt(practices.size()));
            if (postcodes.locate(practice.postcode()).isPresent()) {
                referrers.add(practice);
            } else {
                i--;
            }
        }
        Random choices = new Random(7);
        Map<String, Function<Practice, RankingOutcome>> scenarios = new LinkedHashMap<>();
        scenarios.put("knee, no preferences, default 30 km", p -> rank(p, Joint.KNEE, Preferences.NONE));
        scenarios.put(
                "random joint, settings, two weekly windows, needs, 10-50 km",
                p -> rank(p, choices.nextBoolean() ? Joint.KNEE : Joint.HIP, randomPreferences(choices)));
        // Only the third scenario's rankings follow a change; the change itself (another transaction, as the
        // directory consumer's would be) is not timed, the ranking's catch-up on it is.
        String changing = "knee, 30 km, a class's places changed before each ranking";
        scenarios.put(changing, p -> rank(p, Joint.KNEE, Preferences.NONE));
        scenarios.forEach((name, s) -> referrers.subList(0, WARM_UP).forEach(p -> {
            if (name.equals(changing)) {
                bookOnePlace(choices);
            }
            inRequest(() -> s.apply(p));
        }));

        List<String> report = new ArrayList<>();
        report.add(("Ranking benchmark: %,d sites, %,d classes (%,d SCHEDULED in the index; seeded in %,d ms, index"
                        + " loaded in %,d ms), %,d referrals from random GP practices per scenario after %,d warm-up,"
                        + " %s, %d CPUs")
                .formatted(
                        SITES,
                        CLASSES,
                        index.classes(),
                        seedMillis,
                        loadMillis,
                        REFERRALS,
                        WARM_UP,
                        today,
                        Runtime.getRuntime().availableProcessors()));
        report.add("%-62s %7s %7s %7s %7s %7s %8s %6s %7s"
                .formatted(
                        "scenario (per referral, in the service)",
                        "p50 ms",
                        "p95 ms",
                        "p99 ms",
                        "max ms",
                        "ranked",
                        "no fit",
                        "GC ms",
                        "CPU ms"));
        List<double[]> rankings = new ArrayList<>();
        scenarios.forEach((name, s) -> {
            System.gc(); // the seeding's and the last scenario's garbage is not this one's
            report.add(measure(
                    name,
                    referrers.subList(WARM_UP, referrers.size()),
                    s,
                    name.equals(changing) ? () -> bookOnePlace(choices) : () -> {}));
            rankings.add(lastQuantiles);
        });
        // The ceiling, in the same run: the one database round trip a ranking cannot avoid (the index's
        // catch-up check), alone. Ranking costs that plus the in-memory work.
        System.gc();
        report.add(measure(
                "ceiling: the catch-up round trip alone (no ranking)",
                referrers.subList(WARM_UP, referrers.size()),
                p -> {
                    index.catchUp();
                    return null;
                },
                () -> {}));
        double[] ceiling = lastQuantiles;
        report.add("(ranked: referrals that got a class; no fit: NEEDS_ATTENTION with a coded reason; CPU ms: the"
                + " measuring thread's mean CPU time per referral)");
        for (int i = 0; i < rankings.size(); i++) {
            report.add("scenario %d: p50 %.1fx, p99 %.1fx the database round trip's"
                    .formatted(i + 1, rankings.get(i)[0] / ceiling[0], rankings.get(i)[1] / ceiling[1]));
        }
        String text = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + text + System.lineSeparator());
        Path out = Path.of("target", "benchmark", "ranking.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator());
    }

    RankingOutcome rank(Practice practice, Joint joint, Preferences preferences) {
        Location home = postcodes.locate(practice.postcode()).orElseThrow();
        return routing.rank(home, practice.ods(), joint, preferences, Set.of());
    }

    static Preferences randomPreferences(Random random) {
        List<Setting> settings = new ArrayList<>(List.of(Setting.values()));
        java.util.Collections.shuffle(settings, random);
        DayOfWeek[] days = DayOfWeek.values();
        List<Preferences.AvailabilityWindow> windows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DayOfWeek day = days[random.nextInt(5)];
            int from = 8 + random.nextInt(6);
            windows.add(new Preferences.AvailabilityWindow(
                    day, LocalTime.of(from, 0), LocalTime.of(from + 4 + random.nextInt(6), 0)));
        }
        return new Preferences(
                EnumSet.copyOf(settings.subList(0, 2 + random.nextInt(2))),
                windows,
                10_000 + random.nextInt(40_001),
                random.nextInt(3) == 0 ? Set.of(AccessibilityFeature.STEP_FREE_ACCESS) : Set.of());
    }

    /** A booking elsewhere: one class's places taken go up, as the directory's next class.updated would say. */
    void bookOnePlace(Random random) {
        String classId = classIds.get(random.nextInt(classIds.size()));
        try (Connection db = dataSource.getConnection();
                PreparedStatement update = db.prepareStatement(
                        "update directory_class set places_taken = least(capacity, places_taken + 1) where class_id = ?")) {
            update.setString(1, classId);
            update.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The measuring thread's CPU time: the mean per referral shows the work done apart from waiting for the
     * database or for a CPU (another build on the machine stretches the times, not this).
     */
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** p50 and p99 (ms) of the last {@link #measure}. */
    double[] lastQuantiles;

    String measure(
            String scenario, List<Practice> referrers, Function<Practice, RankingOutcome> query, Runnable before) {
        long[] nanos = new long[referrers.size()];
        int ranked = 0;
        long gcBefore = gcMillis();
        long cpuNanos = 0;
        for (int i = 0; i < referrers.size(); i++) {
            Practice practice = referrers.get(i);
            before.run();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RankingOutcome outcome = inRequest(() -> query.apply(practice));
            nanos[i] = System.nanoTime() - start;
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
            if (outcome instanceof RankingOutcome.Ranked) {
                ranked++;
            }
        }
        long gc = gcMillis() - gcBefore;
        Arrays.sort(nanos);
        lastQuantiles = new double[] {ms(nanos, 0.50), ms(nanos, 0.99)};
        return "%-62s %7.2f %7.2f %7.2f %7.2f %7d %8d %6d %7.3f"
                .formatted(
                        scenario,
                        ms(nanos, 0.50),
                        ms(nanos, 0.95),
                        ms(nanos, 0.99),
                        nanos[nanos.length - 1] / 1e6,
                        ranked,
                        referrers.size() - ranked,
                        gc,
                        cpuNanos / 1e6 / referrers.size());
    }

    static <T> T inRequest(java.util.function.Supplier<T> work) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return work.get();
        } finally {
            request.terminate();
        }
    }

    static void inRequest(Runnable work) {
        inRequest(() -> {
            work.run();
            return null;
        });
    }

    static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    // ---- seeding: straight into the copies, as the consumers would have written them ----

    void seed() throws Exception {
        Random random = new Random(10_000);
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            List<String[]> sites = new ArrayList<>(SITES); // id, provider, programmes, sessions
            try (PreparedStatement p = db.prepareStatement("""
                    insert into directory_site (site_id, name, provider_id, provider_name, provider_type, setting,
                                                postcode, latitude, longitude, programmes, sessions, status,
                                                accessibility, updated_at)
                    values (?, ?, ?, ?, 'LEISURE_OPERATOR', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < SITES; i++) {
                    String postcode = Postcodes.normalise(practices
                                    .get(random.nextInt(practices.size()))
                                    .postcode())
                            .orElseThrow();
                    Location at = postcodes.locate(postcode).orElse(null);
                    if (at == null) {
                        i--;
                        continue;
                    }
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    String provider = "bench-" + random.nextInt(PROVIDERS);
                    String programmes = oneOf(random, new int[] {80, 12, 8}, "KNEE,HIP", "KNEE", "HIP");
                    int sessions = oneOf(random, new int[] {85, 10, 5}, 12, 8, 6);
                    sites.add(new String[] {id, provider, programmes, Integer.toString(sessions)});
                    p.setString(1, id);
                    p.setString(2, "Site " + i);
                    p.setString(3, provider);
                    p.setString(4, "Provider " + provider);
                    p.setString(5, Setting.values()[random.nextInt(Setting.values().length)].name());
                    p.setString(6, postcode);
                    p.setDouble(7, at.latitude());
                    p.setDouble(8, at.longitude());
                    p.setString(9, programmes);
                    p.setInt(10, sessions);
                    p.setString(
                            11,
                            oneOf(
                                            random,
                                            new int[] {82, 8, 5, 5},
                                            SiteStatus.ACTIVE,
                                            SiteStatus.ONBOARDING,
                                            SiteStatus.PAUSED,
                                            SiteStatus.CEASED)
                                    .name());
                    p.setString(12, random.nextBoolean() ? "STEP_FREE_ACCESS,ACCESSIBLE_TOILET" : "ON_SITE_PARKING");
                    p.setObject(13, now);
                    p.addBatch();
                    if (i % 2_000 == 1_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            List<String> patterns = List.of(
                    "MONDAY,WEDNESDAY", "TUESDAY,THURSDAY", "WEDNESDAY,FRIDAY", "MONDAY,THURSDAY", "TUESDAY,FRIDAY");
            LocalTime[] times = {
                LocalTime.of(9, 30),
                LocalTime.of(10, 0),
                LocalTime.of(11, 0),
                LocalTime.of(13, 30),
                LocalTime.of(14, 0),
                LocalTime.of(18, 0)
            };
            try (PreparedStatement p = db.prepareStatement("""
                    insert into directory_class (class_id, site_id, provider_id, programmes, start_date, days,
                                                 start_time, duration_minutes, sessions, capacity, places_taken,
                                                 facilitator_type, status, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 60, ?, ?, ?, 'PHYSIOTHERAPIST', ?, ?)""")) {
                for (int i = 0; i < CLASSES; i++) {
                    String[] site = sites.get(random.nextInt(sites.size()));
                    String days = patterns.get(random.nextInt(patterns.size()));
                    LocalDate start = today.plusDays(random.nextInt(126) - 42)
                            .with(TemporalAdjusters.nextOrSame(DayOfWeek.valueOf(days.split(",")[0])));
                    ClassStatus status = start.isAfter(today)
                            ? (random.nextInt(100) < 92 ? ClassStatus.SCHEDULED : ClassStatus.CANCELLED)
                            : start.isBefore(today.minusWeeks(6)) ? ClassStatus.COMPLETED : ClassStatus.RUNNING;
                    int capacity = 6 + random.nextInt(7);
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    classIds.add(id);
                    p.setString(1, id);
                    p.setString(2, site[0]);
                    p.setString(3, site[1]);
                    p.setString(4, site[2]);
                    p.setDate(5, Date.valueOf(start));
                    p.setString(6, days);
                    p.setTime(7, Time.valueOf(times[random.nextInt(times.length)]));
                    p.setInt(8, Integer.parseInt(site[3]));
                    p.setInt(9, capacity);
                    p.setInt(10, random.nextInt(capacity + 1));
                    p.setString(11, status.name());
                    p.setObject(12, now);
                    p.addBatch();
                    if (i % 5_000 == 4_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            // Every ICB covers about a third of the providers (12 contacts), some any qualified provider (8).
            try (PreparedStatement p = db.prepareStatement("""
                    insert into funding_coverage (coverage_key, commissioner_icb, provider_id, periods, updated_at)
                    values (?, ?, ?, ?, ?)""")) {
                for (String icb :
                        practices.stream().map(Practice::icb).distinct().toList()) {
                    for (int provider = 0; provider < PROVIDERS; provider++) {
                        if (random.nextInt(3) == 0) {
                            coverage(p, icb, "bench-" + provider, 12, now);
                        }
                    }
                    if (random.nextInt(4) == 0) {
                        coverage(p, icb, null, 8, now);
                    }
                }
                p.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze directory_site");
                s.execute("vacuum analyze directory_class");
                s.execute("vacuum analyze funding_coverage");
            }
        }
    }

    static void coverage(PreparedStatement p, String icb, String provider, int contacts, OffsetDateTime now)
            throws java.sql.SQLException {
        p.setString(1, FundingCoverage.key(icb, provider));
        p.setString(2, icb);
        p.setString(3, provider);
        p.setString(
                4,
                new String(
                        EventCodec.toJson(List.of(new FundingCoverage.Period(
                                LocalDate.of(2025, 4, 1), null, List.of(Joint.KNEE, Joint.HIP), contacts))),
                        java.nio.charset.StandardCharsets.UTF_8));
        p.setObject(5, now);
        p.addBatch();
    }

    @SafeVarargs
    static <T> T oneOf(Random random, int[] weights, T... values) {
        int roll = random.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException();
    }
}
