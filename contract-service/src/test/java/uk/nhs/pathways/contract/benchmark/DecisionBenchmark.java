package uk.nhs.pathways.contract.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.contract.terms.service.Contracts;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.launcher.LocalPostgres;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.TestEvents;

/**
 * Funding decisions per second, sustained, through the real consumer: a backlog of {@value #REFERRALS}
 * referral.submitted events (real GP practices of every ICB, 400 providers) is consumed by the referrals
 * channel and EventInbox (one transaction per batch) against a contract per ICB with volume and budget caps and
 * a provider's own contract for some; the rate is taken from decision {@value #WARM_UP} on, after JIT warm-up.
 * In the same run, the database's ceiling for the same writes: pgbench with a script of one batch's statements
 * (the processed-event insert, a locked read of each referral, the period counter, the decisions, episodes and
 * outbox rows, the relay marking them published), in a schema of its own. Not a timed test: it measures and
 * reports. Run it with {@code ./mvnw -B verify -pl contract-service -am -Pbenchmark}; the report is printed and
 * written to contract-service/target/benchmark/decisions.txt.
 */
@QuarkusTest
@TestProfile(DecisionBenchmark.Isolated.class)
class DecisionBenchmark {

    static final int REFERRALS = 60_000;
    static final int WARM_UP = 10_000;
    static final int PROVIDERS = 400;
    static final int PGBENCH_SECONDS = 20;

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
                    "quarkus.log.category.\"org.hibernate\".level", "WARN",
                    "quarkus.log.category.\"uk.nhs.pathways.contract.funding\".level", "WARN");
        }
    }

    @Inject
    Contracts contracts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void decisionsPerSecondAgainstTheDatabaseCeiling() throws Exception {
        List<Map<String, String>> practices = ReferenceData.rows("gp_practices_england.csv");
        LocalDate from = LocalDate.now().withDayOfYear(1).minusYears(1);
        int contractsRegistered = 0;
        // Every ICB: any qualified provider under a volume cap and a budget (three capped at 4 contacts, so
        // their referrals are refused with reasons), and one provider's own contract with a small cap that fills.
        for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
            String code = icb.get("icb_ods_code");
            int contacts = Set.of("QHM", "QJM", "QT6").contains(code) ? 4 : 12;
            contracts.register(
                    "bench-aqp-" + code.toLowerCase(), code, terms(null, contacts, from, 5_000_000, 100_000_000_000L));
            contracts.register(
                    "bench-own-" + code.toLowerCase(),
                    code,
                    terms(List.of("bench-" + Math.floorMod(code.hashCode(), PROVIDERS)), 12, from, 20, null));
            contractsRegistered += 2;
        }

        // The backlog: produced as fast as the broker takes it, far faster than it is consumed.
        long produceStart = System.nanoTime();
        Random random = new Random(2000);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < REFERRALS; i++) {
                String id = new UUID(random.nextLong(), random.nextLong()).toString();
                String practice =
                        practices.get(random.nextInt(practices.size())).get("ods_code");
                ReferralSubmitted submitted = new ReferralSubmitted(
                        id,
                        "p-" + i,
                        practice,
                        random.nextInt(3) == 0 ? Joint.HIP : Joint.KNEE,
                        "bench-site-" + random.nextInt(4_000),
                        "bench-" + random.nextInt(PROVIDERS),
                        random.nextInt(10) == 0 ? 8 : 12,
                        random.nextInt(20_000),
                        Instant.now(),
                        "bench-class-" + i,
                        1,
                        "65-74");
                CloudEvent event = TestEvents.event(EventType.REFERRAL_SUBMITTED, id, submitted);
                producer.send(new ProducerRecord<>(Topics.REFERRALS, id, event));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        long decided;
        do {
            decided = scalar("select count(*) from funding_decision");
            if (decided < REFERRALS) {
                Thread.sleep(100); // polling the database for progress; nothing else to wait on in a benchmark
            }
        } while (decided < REFERRALS && System.nanoTime() < deadline);
        long allDecidedAt = System.currentTimeMillis();
        assertThat(decided).isEqualTo(REFERRALS);

        double firstMs =
                scalar("select (extract(epoch from min(first_decided_at)) * 1000)::bigint from funding_decision");
        double afterWarmUpMs =
                scalar("select (extract(epoch from first_decided_at) * 1000)::bigint from funding_decision"
                        + " order by first_decided_at offset " + WARM_UP + " limit 1");
        double sustained = (REFERRALS - WARM_UP) / ((allDecidedAt - afterWarmUpMs) / 1000.0);
        double overall = REFERRALS / ((allDecidedAt - firstMs) / 1000.0);
        long funded = scalar("select count(*) from funding_decision where funded");
        long batches = scalar(
                "select count(distinct processed_at) from processed_event where consumer = 'contract-service.funding-check'");

        long relayDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (scalar("select count(*) from outbox_event where published_at is null") > 0
                && System.nanoTime() < relayDeadline) {
            Thread.sleep(100);
        }
        long relayedAt = System.currentTimeMillis();
        double relayed = REFERRALS / ((relayedAt - firstMs) / 1000.0);

        int batchSize = (int) Math.max(1, Math.round((double) REFERRALS / Math.max(1, batches)));
        System.out.printf(
                "%nConsumer: sustained %,.0f decisions/s after %,d; overall %,.0f/s; relayed %,.0f/s; ~%d per batch%n",
                sustained, WARM_UP, overall, relayed, batchSize);
        Ceiling oneClient = ceiling(batchSize, 1);
        Ceiling twoClients = ceiling(batchSize, 2);

        List<String> report = new ArrayList<>();
        report.add("Decision benchmark, %s, %d CPUs: %,d referral.submitted events (produced in %.1f s), %d contracts"
                .formatted(
                        LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(),
                        REFERRALS,
                        produceSeconds,
                        contractsRegistered));
        report.add("  consumer (SmallRye batch channel -> EventInbox -> FundingCheck, one transaction per batch):");
        report.add(
                "    sustained after %,d: %,.0f decisions/s; overall %,.0f decisions/s; %,d funded; ~%d per batch (%,d batches)"
                        .formatted(WARM_UP, sustained, overall, funded, batchSize, batches));
        report.add("    decided and relayed to Kafka (outbox drained): %,.0f events/s".formatted(relayed));
        report.add("  database ceiling (pgbench, script of one batch of %d decisions' writes, %d s):"
                .formatted(batchSize, PGBENCH_SECONDS));
        report.add("    1 client: %,.0f decisions/s (%.1f batches/s); 2 clients: %,.0f decisions/s"
                .formatted(oneClient.decisionsPerSecond(), oneClient.tps(), twoClients.decisionsPerSecond()));
        report.add("  ratio, consumer sustained / database ceiling (1 client, as the consumer): %.2f"
                .formatted(sustained / oneClient.decisionsPerSecond()));
        String text = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + text + System.lineSeparator());
        Path out = Path.of("target", "benchmark", "decisions.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text + System.lineSeparator());
    }

    static Contracts.Terms terms(List<String> providers, int contacts, LocalDate from, int maxEpisodes, Long budget) {
        return new Contracts.Terms(
                from,
                null,
                providers,
                null,
                PaymentModel.ACTIVITY,
                EnumSet.allOf(Joint.class),
                contacts,
                16_300L,
                null,
                null,
                null,
                null,
                null,
                CapPeriod.QUARTER,
                maxEpisodes,
                budget);
    }

    long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    record Ceiling(double tps, double decisionsPerSecond) {}

    /** pgbench with one batch's statements as one transaction, against copies of the tables in a schema of their own. */
    Ceiling ceiling(int batch, int clients) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists ceiling cascade");
            s.execute("create schema ceiling");
            for (String table : List.of(
                    "processed_event",
                    "referral_episode",
                    "funding_decision",
                    "outbox_event",
                    "contract_period_usage")) {
                s.execute("create table ceiling." + table + " (like public." + table + " including all)");
            }
            s.execute("insert into ceiling.contract_period_usage (contract_id, period_start, period_end)"
                    + " values ('ceiling', '2026-10-01', '2026-12-31')");
        }
        Path script = Files.createDirectories(Path.of("target", "benchmark")).resolve("decision-batch.sql");
        Files.writeString(script, script(batch));
        LocalPostgres postgres = LocalPostgres.fromEnvironment();
        String url = postgres.jdbcUrl(BenchmarkDatabase.DATABASE); // jdbc:postgresql://host:port/db
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)").matcher(url);
        assertThat(m.matches()).isTrue();
        ProcessBuilder pgbench = new ProcessBuilder(
                        pgbench(),
                        "-n",
                        "-M",
                        "prepared",
                        "-c",
                        String.valueOf(clients),
                        "-j",
                        String.valueOf(clients),
                        "-T",
                        String.valueOf(PGBENCH_SECONDS),
                        "-f",
                        script.toString(),
                        "host=" + m.group(1) + " port=" + m.group(2) + " dbname=" + m.group(3) + " user="
                                + BenchmarkDatabase.ROLE + " options=-csearch_path=ceiling")
                .redirectErrorStream(true);
        pgbench.environment().put("PGPASSWORD", BenchmarkDatabase.ROLE);
        Process run = pgbench.start();
        String output = new String(run.getInputStream().readAllBytes());
        run.waitFor();
        System.out.println(output);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        assertThat(tps.find()).as("pgbench output: %s", output).isTrue();
        double perSecond = Double.parseDouble(tps.group(1));
        return new Ceiling(perSecond, perSecond * batch);
    }

    /** pgbench on the PATH or in PostgreSQL's own directory; bin/ensure-postgres installs PostgreSQL if missing. */
    static String pgbench() throws IOException {
        for (String candidate : new String[] {"/usr/bin/pgbench", "/usr/local/bin/pgbench"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (var dirs = Files.list(versions)) {
                for (Path dir : dirs.sorted().toList().reversed()) {
                    if (Files.isExecutable(dir.resolve("bin/pgbench"))) {
                        return dir.resolve("bin/pgbench").toString();
                    }
                }
            }
        }
        throw new IllegalStateException("pgbench not found: install PostgreSQL's client tools (bin/ensure-postgres"
                + " installs PostgreSQL; pgbench ships with it on Debian)");
    }

    /**
     * One consumer batch as the database sees it: the processed-event insert of the batch; the period counter read
     * under lock once; a locked read of each referral; then, at commit, the episodes, decisions and outbox rows
     * (multi-row inserts, as JDBC batching with reWriteBatchedInserts sends them) and the counter update; then the
     * relay claiming the batch's outbox rows and marking them published.
     */
    static String script(int batch) {
        StringBuilder sql = new StringBuilder();
        sql.append("\\set b random(1, 2000000000)\n");
        sql.append("BEGIN;\n");
        sql.append("insert into processed_event (event_id, consumer, event_type) select 'e-' || :client_id || '-' || :b"
                + " || '-' || g, 'ceiling', 'uk.nhs.pathways.referral.submitted' from generate_series(1, " + batch
                + ") g on conflict do nothing returning event_id;\n");
        sql.append("select * from contract_period_usage where contract_id = 'ceiling' and period_start = '2026-10-01'"
                + " for update;\n");
        for (int i = 1; i <= batch; i++) {
            sql.append("select * from referral_episode where referral_id = 'r-' || :client_id || '-' || :b || '-")
                    .append(i)
                    .append("' for update;\n");
        }
        sql.append("insert into referral_episode (referral_id, commissioner_icb, current_route, stage, updated_at)"
                + " select 'r-' || :client_id || '-' || :b || '-' || g, 'QWO', 1, 'DECIDED', now() from generate_series(1, "
                + batch + ") g;\n");
        sql.append(
                "insert into funding_decision (referral_id, route_number, revision, funded, contract_id, contract_version,"
                        + " contacts_funded, cost_pence, period_start, period_end, commitment, commissioner_icb, practice_ods_code,"
                        + " joint, class_id, provider_id, site_id, sessions, reasons, decided_at, first_decided_at, synthetic)"
                        + " select 'r-' || :client_id || '-' || :b || '-' || g, 1, 1, true, 'ceiling', 1, 12, 16300, '2026-10-01',"
                        + " '2026-12-31', 'COMMITTED', 'QWO', 'B86030', 'KNEE', 'class-' || g, 'prov-' || g, 'site-' || g, 12, '',"
                        + " now(), now(), false from generate_series(1, " + batch + ") g;\n");
        sql.append("insert into outbox_event (id, topic, event_key, type, subject, data_schema, occurred_at, payload)"
                + " select gen_random_uuid(), 'pathways.funding-decisions.v1', 'r-' || g, 'uk.nhs.pathways.funding.decided',"
                + " 'r-' || g, translate('urn;pathways;schema;funding.decided;v1', ';', chr(58)), now(),"
                + " jsonb_build_object('referralId', 'r-' || g,"
                + " 'funded', true, 'contractId', 'ceiling', 'contactsFunded', 12, 'commissionerIcb', 'QWO', 'reasons',"
                + " cast('[]' as jsonb), 'decidedAt', now(), 'routeNumber', 1, 'revision', 1) from generate_series(1, "
                + batch
                + ") g;\n");
        sql.append("update contract_period_usage set episodes_committed = episodes_committed + " + batch
                + ", pence_committed = pence_committed + " + (16_300L * batch)
                + " where contract_id = 'ceiling' and period_start = '2026-10-01';\n");
        sql.append("COMMIT;\n");
        sql.append("BEGIN;\n");
        sql.append(
                "with claimed as (select id from outbox_event where published_at is null order by seq limit " + batch
                        + " for update skip locked) update outbox_event o set published_at = now() from claimed where o.id = claimed.id;\n");
        sql.append("COMMIT;\n");
        return sql.toString();
    }
}
