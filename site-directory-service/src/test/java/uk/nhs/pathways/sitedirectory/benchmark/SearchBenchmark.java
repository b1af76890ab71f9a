package uk.nhs.pathways.sitedirectory.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.cohort.domain.CourseCalendar;
import uk.nhs.pathways.sitedirectory.search.service.DirectorySearch;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.TestTokens;

/**
 * Search latency at national scale: 10,000 sites and 100,000 classes at real GP-practice postcodes
 * across England, in their own database (pathways_site_directory_bench), searched from a few thousand
 * random practice postcodes (so, like real searches, more often in cities than in the countryside).
 * Not a timed test: it measures and reports p50/p90/p99. Run it with
 * {@code ./mvnw -B -o verify -pl site-directory-service -Pbenchmark}; the report is printed and written
 * to target/benchmark/search.txt.
 */
@QuarkusTest
@TestProfile(SearchBenchmark.Isolated.class)
class SearchBenchmark {

    static final int SITES = 10_000;
    static final int CLASSES = 100_000;
    static final int PROVIDERS = 400;
    static final int WARM_UP = 500;
    static final int QUERIES = 3_000;

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
    DirectorySearch search;

    @Inject
    Postcodes postcodes;

    @TestHTTPResource("/")
    URL base;

    final LocalDate today = England.today(java.time.Clock.systemUTC());
    final List<String> practicePostcodes = ReferenceData.rows("gp_practices_england.csv").stream()
            .map(r -> r.get("postcode"))
            .filter(p -> Postcodes.normalise(p).isPresent())
            .toList();

    @Test
    void searchLatencyAtNationalScale() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;

        Random random = new Random(42);
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < WARM_UP + QUERIES; i++) {
            origins.add(practicePostcodes.get(random.nextInt(practicePostcodes.size())));
        }
        DirectorySearch.ClassFilter referralSearch =
                new DirectorySearch.ClassFilter(Joint.KNEE, null, today, null, 1, ClassStatus.SCHEDULED);
        Random filters = new Random(7);

        var activeKnee = new DirectorySearch.SiteFilter(
                java.util.EnumSet.of(SiteStatus.ACTIVE), Joint.KNEE, null, null, null, null, null);
        HttpClient http = HttpClient.newHttpClient();
        String token = TestTokens.token("referrer", "B86030");
        Map<String, java.util.function.Function<String, Number>> scenarios = new java.util.LinkedHashMap<>();
        scenarios.put(
                "classes, 25 km, KNEE, >=1 free place, page of 20 (service)",
                o -> search.classes(o, 25_000, null, null, referralSearch, 0, 20)
                        .total());
        scenarios.put("classes, 25 km, random programme/setting/type/day/6-week window", o -> {
            var f = new DirectorySearch.ClassFilter(
                    pick(filters, Joint.values()),
                    pick(filters, DayOfWeek.values()),
                    today,
                    today.plusWeeks(6),
                    1,
                    ClassStatus.SCHEDULED);
            return search.classes(
                            o, 25_000, pick(filters, Setting.values()), pick(filters, ProviderType.values()), f, 0, 20)
                    .total();
        });
        scenarios.put(
                "classes, 50 km, KNEE, >=1 free place, page of 20 (service)",
                o -> search.classes(o, 50_000, null, null, referralSearch, 0, 20)
                        .total());
        scenarios.put(
                "classes, 25 km, KNEE, page 3 of 20 (service)",
                o -> search.classes(o, 25_000, null, null, referralSearch, 40, 20)
                        .total());
        scenarios.put(
                "sites, 25 km, KNEE (service)",
                o -> search.sites(o, 25_000L, activeKnee, 0, 20).total());
        scenarios.put("GET /classes?within=25000&programme=KNEE&freePlaces=1 (HTTP, JSON)", o -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "classes?within=25000&programme=KNEE"
                            + "&freePlaces=1&postcode=" + URLEncoder.encode(o, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return response.body().length();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Warm every path up first (JIT, connection pool, prepared statements, PostgreSQL's caches).
        scenarios.values().forEach(query -> origins.subList(0, WARM_UP).forEach(o -> inRequest(query, o)));

        List<String> report = new ArrayList<>();
        report.add("Search benchmark: %,d sites, %,d classes (seeded in %,d ms), %,d random GP-practice postcodes per "
                        .formatted(SITES, CLASSES, seedMillis, QUERIES)
                + "scenario after %,d warm-up each, %s, %d CPUs"
                        .formatted(WARM_UP, today, Runtime.getRuntime().availableProcessors()));
        report.add("%-66s %7s %7s %7s %7s %9s %7s"
                .formatted("scenario", "p50 ms", "p90 ms", "p99 ms", "max ms", "avg total", "GC ms"));
        scenarios.forEach((name, query) -> report.add(measure(name, origins.subList(WARM_UP, origins.size()), query)));
        report.add("(avg total: matches per search; for HTTP, bytes per response)");

        String text = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + text + System.lineSeparator());
        Path out = Path.of("target", "benchmark", "search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator());
    }

    /** Runs the query once per origin and summarises the latencies (and the JVM's GC time meanwhile). */
    String measure(String scenario, List<String> origins, java.util.function.Function<String, Number> query) {
        long[] nanos = new long[origins.size()];
        double totals = 0;
        long gcBefore = gcMillis();
        java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
        for (int i = 0; i < origins.size(); i++) {
            long start = System.nanoTime();
            Number total = inRequest(query, origins.get(i));
            nanos[i] = System.nanoTime() - start;
            totals += total.doubleValue();
            slowest.put(nanos[i], origins.get(i) + " (" + total + ")");
            if (slowest.size() > 8) {
                slowest.pollFirstEntry();
            }
        }
        long gc = gcMillis() - gcBefore;
        System.out.println(scenario + " slowest: "
                + slowest.descendingMap().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey() / 1_000_000 + " ms")
                        .toList());
        Arrays.sort(nanos);
        return "%-66s %7.2f %7.2f %7.2f %7.2f %9.0f %7d"
                .formatted(
                        scenario,
                        ms(nanos, 0.50),
                        ms(nanos, 0.90),
                        ms(nanos, 0.99),
                        nanos[nanos.length - 1] / 1e6,
                        totals / origins.size(),
                        gc);
    }

    /** One search as a request would run it: in its own request context (a fresh persistence context). */
    static Number inRequest(java.util.function.Function<String, Number> query, String origin) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            return query.apply(origin);
        } finally {
            request.terminate();
        }
    }

    static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static <T> T pick(Random random, T[] values) {
        int i = random.nextInt(values.length + 1);
        return i == values.length ? null : values[i]; // sometimes no filter
    }

    // ---- seeding: straight into the tables, not through the outbox (no events for benchmark data) ----

    void seed() throws Exception {
        Random random = new Random(10_000);
        OffsetDateTime now = OffsetDateTime.now();
        ProviderType[] types = ProviderType.values();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement("insert into provider (id, name, type) values (?, ?, ?)")) {
                for (int i = 0; i < PROVIDERS; i++) {
                    p.setString(1, "bench-" + i);
                    p.setString(2, "Benchmark provider " + i);
                    p.setString(3, types[i % types.length].name());
                    p.addBatch();
                }
                p.executeBatch();
            }
            List<SiteRow> sites = new ArrayList<>(SITES);
            try (PreparedStatement p = db.prepareStatement("""
                    insert into site (id, provider_id, name, postcode, latitude, longitude, setting, programmes,
                                      sessions, status, status_changed_on, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < SITES; i++) {
                    String postcode = Postcodes.normalise(
                                    practicePostcodes.get(random.nextInt(practicePostcodes.size())))
                            .orElseThrow();
                    Location at = postcodes.locate(postcode).orElse(null);
                    if (at == null) {
                        i--;
                        continue;
                    }
                    int provider = random.nextInt(PROVIDERS);
                    ProviderType type = types[provider % types.length];
                    Setting setting = setting(type, random);
                    String programmes = oneOf(random, new int[] {80, 12, 8}, "KNEE,HIP", "KNEE", "HIP");
                    SiteStatus status = oneOf(
                            random,
                            new int[] {82, 8, 5, 5},
                            SiteStatus.ACTIVE,
                            SiteStatus.ONBOARDING,
                            SiteStatus.PAUSED,
                            SiteStatus.CEASED);
                    int sessions = oneOf(random, new int[] {85, 10, 5}, 12, 8, 6);
                    String id = new UUID(random.nextLong(), random.nextLong()).toString();
                    sites.add(new SiteRow(id, programmes, sessions, setting));
                    p.setString(1, id);
                    p.setString(2, "bench-" + provider);
                    p.setString(3, "Site " + i + " (" + postcode + ")");
                    p.setString(4, postcode);
                    p.setDouble(5, at.latitude());
                    p.setDouble(6, at.longitude());
                    p.setString(7, setting.name());
                    p.setString(8, programmes);
                    p.setInt(9, sessions);
                    p.setString(10, status.name());
                    p.setDate(11, Date.valueOf(today.minusDays(random.nextInt(2000))));
                    p.setObject(12, now);
                    p.addBatch();
                    if (i % 2_000 == 1_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            List<List<DayOfWeek>> patterns = List.of(
                    List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                    List.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                    List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                    List.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY));
            LocalTime[] times = {
                LocalTime.of(9, 30),
                LocalTime.of(10, 0),
                LocalTime.of(11, 0),
                LocalTime.of(13, 30),
                LocalTime.of(14, 0),
                LocalTime.of(18, 0)
            };
            try (PreparedStatement p = db.prepareStatement("""
                    insert into cohort (id, site_id, programmes, start_date, end_date, day_mask, start_time,
                                        duration_minutes, sessions, capacity, places_taken, facilitator_type, status,
                                        updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 60, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < CLASSES; i++) {
                    SiteRow site = sites.get(random.nextInt(sites.size()));
                    List<DayOfWeek> days = patterns.get(random.nextInt(patterns.size()));
                    LocalDate start = today.plusDays(random.nextInt(126) - 42)
                            .with(TemporalAdjusters.nextOrSame(days.getFirst()));
                    LocalDate end = CourseCalendar.sessionDates(start, days, site.sessions())
                            .getLast();
                    ClassStatus status = start.isAfter(today)
                            ? (random.nextInt(100) < 92 ? ClassStatus.SCHEDULED : ClassStatus.CANCELLED)
                            : end.isBefore(today) ? ClassStatus.COMPLETED : ClassStatus.RUNNING;
                    int capacity = 6 + random.nextInt(7);
                    p.setString(1, new UUID(random.nextLong(), random.nextLong()).toString());
                    p.setString(2, site.id());
                    p.setString(3, site.programmes());
                    p.setDate(4, Date.valueOf(start));
                    p.setDate(5, Date.valueOf(end));
                    p.setShort(6, CourseCalendar.mask(days));
                    p.setTime(7, Time.valueOf(times[random.nextInt(times.length)]));
                    p.setInt(8, site.sessions());
                    p.setInt(9, capacity);
                    p.setInt(10, random.nextInt(capacity + 1));
                    p.setString(11, facilitator(site.setting(), random).name());
                    p.setString(12, status.name());
                    p.setObject(13, now);
                    p.addBatch();
                    if (i % 5_000 == 4_999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze provider");
                s.execute("vacuum analyze site");
                s.execute("vacuum analyze cohort");
            }
        }
    }

    record SiteRow(String id, String programmes, int sessions, Setting setting) {}

    static Setting setting(ProviderType type, Random random) {
        return switch (type) {
            case NHS_TRUST -> random.nextInt(100) < 84 ? Setting.PHYSIOTHERAPY_DEPARTMENT : Setting.LEISURE_CENTRE;
            case LEISURE_OPERATOR -> Setting.LEISURE_CENTRE;
            case LOCAL_AUTHORITY, THIRD_SECTOR -> Setting.COMMUNITY_CENTRE;
            case NHS_OCCUPATIONAL_HEALTH -> Setting.WORKPLACE;
        };
    }

    static FacilitatorType facilitator(Setting setting, Random random) {
        return switch (setting) {
            case PHYSIOTHERAPY_DEPARTMENT, WORKPLACE -> FacilitatorType.PHYSIOTHERAPIST;
            default -> random.nextBoolean() ? FacilitatorType.FITNESS_INSTRUCTOR : FacilitatorType.PHYSIOTHERAPIST;
        };
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
