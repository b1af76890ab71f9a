package uk.nhs.pathways.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.nhs.pathways.launcher.LocalPostgres;
import uk.nhs.pathways.launcher.Platform;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The whole platform as bin/pathways runs it (packaged services, demo data, a Kafka broker process, one
 * database per service), started once for the suite and driven only through the services' HTTP APIs
 * with signed tokens, and read from the outside through Kafka as an ICS or an operator would.
 */
final class E2E {

    /** A Leeds practice (West Yorkshire ICB, funded for the full course in the demo contracts). */
    static final String LEEDS_PRACTICE = "B86030";
    /** A Teesside practice (North East and North Cumbria ICB: its demo contract caps episodes at 4 contacts). */
    static final String TEESSIDE_PRACTICE = "A81001";

    static final String KNEE_OA = "239873007";
    static final String HIP_OA = "239872002";

    static final Path ROOT = Path.of(System.getProperty("pathways.project.root", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path WORK = ROOT.resolve("e2e-tests/target/e2e-run");
    /** The duration every service's clock is moved on by (ShiftedClock); a test writes it to move time. */
    static final Path CLOCK_OFFSET = WORK.resolve("clock-offset");

    private static Platform platform;

    private E2E() {}

    static synchronized Platform platform() {
        if (platform == null) {
            try {
                deleteRecursively(WORK);
                Files.createDirectories(WORK);
                Files.writeString(CLOCK_OFFSET, "PT0S");
                int base = freeBlock(6);
                Map<String, String> env = new HashMap<>();
                env.put("PATHWAYS_DEMO_DATA", "true");
                env.put("PATHWAYS_CLOCK_OFFSET_FILE", CLOCK_OFFSET.toString());
                // Look for unanswered offers every few seconds rather than every 15 minutes.
                env.put("PATHWAYS_LIFECYCLE_NO_ANSWER_CHECK_EVERY", "3s");
                env.put("PATHWAYS_LIFECYCLE_NO_ANSWER_CHECK_DELAY", "3s");
                Platform started = new Platform(
                        ROOT,
                        WORK,
                        LocalPostgres.fromEnvironment(),
                        base + 5,
                        // Each engineer's run its own databases (recreated at every start), as the services' tests.
                        Platform.defaultServices(
                                base, "_e2e" + System.getenv().getOrDefault("PATHWAYS_TEST_DATABASE_SUFFIX", "")),
                        true,
                        env);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                started.start(Duration.ofMinutes(4));
                platform = started;
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start: " + e.getMessage(), e);
            }
        }
        return platform;
    }

    static String url(String service) {
        return platform().url(service);
    }

    static RequestSpecification as(String service, String role, String organisation) {
        return given().baseUri(url(service)).auth().oauth2(TestTokens.token(role, organisation));
    }

    static RequestSpecification referrer(String practice) {
        return as("referral-service", "referrer", practice);
    }

    static RequestSpecification provider(String providerId) {
        return as("referral-service", "provider", providerId);
    }

    /** A valid NHS number from the range reserved for testing: a new person each time. */
    static String newNhsNumber() {
        while (true) {
            String nine =
                    "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    static Map<String, Object> referral(String nhsNumber, String postcode, String snomed) {
        return Map.of(
                "patient",
                Map.of("nhsNumber", nhsNumber, "name", "E2E Person", "dateOfBirth", "1950-05-05", "postcode", postcode),
                "reason",
                Map.of("system", "http://snomed.info/sct", "code", snomed));
    }

    /** Refers a new person with knee osteoarthritis; the referral's id. */
    static String refer(String practice, String postcode) {
        return referrer(practice)
                .contentType(ContentType.JSON)
                .body(referral(newNhsNumber(), postcode, KNEE_OA))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void awaitStatus(String practice, String id, String status, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> referrer(practice)
                        .get("/referrals/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    static <T> T field(String practice, String id, String path) {
        return referrer(practice)
                .get("/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path(path);
    }

    /** Moves every service's clock on by this much (from the real time) from the next second on. */
    static void shiftClocks(Duration by) throws IOException {
        Files.writeString(CLOCK_OFFSET, by.toString());
    }

    /** Every record on a topic so far, read from its start by a plain Kafka consumer outside the services. */
    static List<ConsumerRecord<String, byte[]>> readTopic(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform().broker().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int freeBlock(int size) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below Linux's ephemeral range (32768+), so no client connection can take one meanwhile.
            int base = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
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
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
