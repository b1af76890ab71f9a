package uk.nhs.pathways.load;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What this machine can do at best, for the platform's figures to be read against: PostgreSQL committing
 * referral-shaped transactions (pgbench) and the broker taking 1 KB records with acks=all (Kafka's own
 * ProducerPerformance).
 */
final class Ceilings {

    record Result(double perSecond, String detail) {}

    static final String DATABASE = "pathways_load_ceiling";
    static final String TOPIC = "pathways.load-ceiling.v1";

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern WINDOW = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency");

    private Ceilings() {}

    /** pgbench, 8 clients for {@code seconds}, in a scratch database created and dropped here. */
    static Result database(int seconds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pathways-ceiling");
        Path schema = copy("/ceiling/schema.sql", dir);
        Path transaction = copy("/ceiling/referral-transaction.sql", dir);
        psql("postgres", "-c", "drop database if exists " + DATABASE + " with (force)");
        psql("postgres", "-c", "create database " + DATABASE);
        try {
            psql(DATABASE, "-q", "-f", schema.toString());
            List<String> command = new ArrayList<>(List.of(pgbench(), "-n", "-c", "8", "-j", "2", "-T"));
            command.addAll(List.of(String.valueOf(seconds), "-f", transaction.toString()));
            command.addAll(connection(DATABASE));
            String out = run(command, Duration.ofSeconds(seconds + 60));
            Matcher tps = TPS.matcher(out);
            if (!tps.find()) {
                throw new IOException("pgbench gave no tps:\n" + out);
            }
            Matcher latency = LATENCY.matcher(out);
            return new Result(
                    Double.parseDouble(tps.group(1)),
                    "pgbench, 8 clients, " + seconds + " s, referral row + outbox row per transaction"
                            + (latency.find() ? ", latency avg " + latency.group(1) + " ms" : ""));
        } finally {
            psql("postgres", "-c", "drop database if exists " + DATABASE + " with (force)");
        }
    }

    /** ProducerPerformance, 1 KB records, acks=all, as fast as it can for {@code seconds}, to a scratch topic. */
    static Result kafka(String bootstrapServers, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (admin.listTopics().names().get().contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
            // As many partitions as the platform's topics (the broker's num.partitions).
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            try {
                return producerPerformance(bootstrapServers, seconds);
            } finally {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        }
    }

    private static Result producerPerformance(String bootstrapServers, int seconds) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                absoluteClassPath(),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                TOPIC,
                "--num-records",
                "1000000000",
                "--record-size",
                "1024",
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrapServers,
                "acks=all");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The tool counts records, not time: it prints a line per ~5 s window, and is stopped after the last.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long records = 0;
        double windowSeconds = 0;
        double latencySum = 0;
        int windows = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                Matcher m = WINDOW.matcher(line);
                if (m.find()) {
                    long n = Long.parseLong(m.group(1));
                    records += n;
                    windowSeconds += n / Double.parseDouble(m.group(2));
                    latencySum += Double.parseDouble(m.group(4));
                    windows++;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (windows == 0) {
            throw new IOException("ProducerPerformance reported nothing in " + seconds + " s");
        }
        return new Result(
                records / windowSeconds,
                String.format(
                        "ProducerPerformance, 1 KB records, acks=all, %d s (%d records), avg latency %.0f ms",
                        seconds, records, latencySum / windows));
    }

    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = Ceilings.class.getResourceAsStream(resource)) {
            Path target = dir.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, target);
            target.toFile().deleteOnExit();
            return target;
        }
    }

    private static void psql(String database, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(postgresTool("psql"), "-v", "ON_ERROR_STOP=1"));
        command.addAll(connection(database));
        command.addAll(List.of(args));
        run(command, Duration.ofMinutes(2));
    }

    private static List<String> connection(String database) {
        return List.of(
                "-h",
                env("PATHWAYS_PG_HOST", "127.0.0.1"),
                "-p",
                env("PATHWAYS_PG_PORT", "5432"),
                "-U",
                env("PATHWAYS_PG_ADMIN_USER", "postgres"),
                database);
    }

    private static String pgbench() {
        return postgresTool("pgbench");
    }

    /** Debian's versioned binaries first, then PATH. */
    private static String postgresTool(String name) {
        for (String version : List.of("17", "16", "15")) {
            Path candidate = Path.of("/usr/lib/postgresql", version, "bin", name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return name;
    }

    private static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String password = System.getenv("PATHWAYS_PG_ADMIN_PASSWORD");
        if (password != null && !password.isBlank()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.getFirst() + " failed:\n" + out);
        }
        return out;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
