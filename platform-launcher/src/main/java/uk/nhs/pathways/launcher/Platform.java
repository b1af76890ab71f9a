package uk.nhs.pathways.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The whole platform on one machine: a Kafka broker, one PostgreSQL database per service, and the four
 * services. {@link #main} is what {@code bin/pathways up} runs; the end-to-end tests build one with
 * their own ports and databases.
 */
public final class Platform implements AutoCloseable {

    /** A service of the platform: its module, port and database (none for the web pages). */
    public record Service(String name, int port, String database) {

        boolean ownsData() {
            return database != null;
        }
    }

    /** The web pages: they own no data and call the other services' APIs. */
    public static final String WEB = "web";

    private final Path projectRoot;
    private final Path workDir;
    private final LocalPostgres postgres;
    private final KafkaBroker broker;
    private final List<Service> services;
    private final boolean freshDatabases;
    private final Map<String, String> extraEnvironment;
    private final List<ServiceProcess> running = new ArrayList<>();

    public Platform(
            Path projectRoot,
            Path workDir,
            LocalPostgres postgres,
            int kafkaPort,
            List<Service> services,
            boolean freshDatabases,
            Map<String, String> extraEnvironment) {
        this.projectRoot = projectRoot;
        this.workDir = workDir;
        this.postgres = postgres;
        this.broker = new KafkaBroker(workDir.resolve("kafka"), kafkaPort, kafkaPort + 1);
        this.services = services;
        this.freshDatabases = freshDatabases;
        this.extraEnvironment = extraEnvironment;
    }

    public static List<Service> defaultServices(int basePort, String databaseSuffix) {
        return List.of(
                new Service("site-directory-service", basePort + 1, "pathways_site_directory" + databaseSuffix),
                new Service("referral-service", basePort + 2, "pathways_referral" + databaseSuffix),
                new Service("contract-service", basePort + 3, "pathways_contract" + databaseSuffix),
                new Service("outcomes-service", basePort + 4, "pathways_outcomes" + databaseSuffix),
                new Service(WEB, basePort, null));
    }

    public KafkaBroker broker() {
        return broker;
    }

    public String url(String service) {
        return services.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .map(s -> "http://127.0.0.1:" + s.port())
                .orElseThrow();
    }

    public void start(Duration timeout) throws Exception {
        for (Service service : services) {
            if (!service.ownsData()) {
                continue;
            }
            String role = roleOf(service);
            if (freshDatabases) {
                postgres.recreateDatabase(service.database(), role, role);
            } else {
                postgres.ensureDatabase(service.database(), role, role);
            }
        }
        broker.start(Duration.ofSeconds(60));
        for (Service service : services) {
            Map<String, String> env = new LinkedHashMap<>(extraEnvironment);
            if (service.ownsData()) {
                String role = roleOf(service);
                env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
                env.put("QUARKUS_DATASOURCE_USERNAME", role);
                env.put("QUARKUS_DATASOURCE_PASSWORD", role);
                env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            } else {
                // The pages with their clearly marked local-demo sign-in, calling this run's services.
                env.put("QUARKUS_PROFILE", "local-demo");
                env.put(
                        "PATHWAYS_DEV_ISSUER_KEY",
                        projectRoot
                                .resolve("deploy/local/dev-issuer/private-key.pem")
                                .toString());
                env.put("PATHWAYS_SITE_DIRECTORY_URL", url("site-directory-service"));
                env.put("PATHWAYS_REFERRAL_URL", url("referral-service"));
                env.put("PATHWAYS_CONTRACT_URL", url("contract-service"));
                env.put("PATHWAYS_OUTCOMES_URL", url("outcomes-service"));
            }
            Path jar = projectRoot.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
            ServiceProcess process = new ServiceProcess(
                    service.name(),
                    jar,
                    service.port(),
                    env,
                    workDir.resolve("logs").resolve(service.name() + ".log"));
            process.start();
            running.add(process);
        }
        List<CompletableFuture<Void>> ready = running.stream()
                .map(p -> CompletableFuture.runAsync(() -> {
                    try {
                        p.awaitReady(timeout);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }))
                .toList();
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() throws InterruptedException {
        // Ask every service to stop at once; each drains its consumers and outbox before exiting.
        running.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : running) {
            process.stop();
        }
        running.clear();
        broker.stop();
    }

    private static String roleOf(Service service) {
        return service.database().replaceAll("_(test|e2e)$", "");
    }

    /** Runs the platform until interrupted (Ctrl-C). Args: project root. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        // A run of its own (bin/load-test): its own work directory, databases and a fresh start from the demo data.
        Path work = root.resolve(LocalPostgres.env("PATHWAYS_RUN_DIR", ".local-run"));
        int basePort = Integer.parseInt(LocalPostgres.env("PATHWAYS_BASE_PORT", "8080"));
        int kafkaPort = Integer.parseInt(LocalPostgres.env("PATHWAYS_KAFKA_PORT", "9092"));
        String databaseSuffix = LocalPostgres.env("PATHWAYS_DATABASE_SUFFIX", "");
        boolean fresh = Boolean.parseBoolean(LocalPostgres.env("PATHWAYS_FRESH_DATABASES", "false"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATHWAYS_DEMO_DATA", "true");
        List<Service> services = defaultServices(basePort, databaseSuffix);
        Platform platform = new Platform(root, work, LocalPostgres.fromEnvironment(), kafkaPort, services, fresh, env);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                platform.close();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        long started = System.nanoTime();
        System.out.println("Starting Kafka (127.0.0.1:" + kafkaPort + "), the four services and the web pages; logs in "
                + work.resolve("logs"));
        platform.start(Duration.ofMinutes(3));
        System.out.printf("%nPathways is up in %.1f s:%n%n", (System.nanoTime() - started) / 1e9);
        System.out.printf("  Web pages (local demo sign-in): http://127.0.0.1:%d/%n%n", basePort);
        System.out.printf("  %-24s %-24s %s%n", "service", "API", "Swagger UI");
        for (Service s : services.stream().filter(Service::ownsData).toList()) {
            String base = "http://127.0.0.1:" + s.port();
            System.out.printf("  %-24s %-24s %s%n", s.name(), base, base + "/q/swagger-ui");
        }
        System.out.println("\n  Kafka: 127.0.0.1:" + kafkaPort + "    PostgreSQL databases: "
                + String.join(
                        ", ",
                        services.stream()
                                .filter(Service::ownsData)
                                .map(Service::database)
                                .toList()));
        System.out.println("\nTry it (README, 'Refer someone'):\n"
                + "  TOKEN=$(bin/dev-token referrer B86030)\n"
                + "  curl -s -X POST http://127.0.0.1:" + (basePort + 2)
                + "/referrals -H \"Authorization: Bearer $TOKEN\" \\\n"
                + "       -H 'Content-Type: application/json' \\\n"
                + "       -d '{\"patient\":{\"nhsNumber\":\"9434765919\",\"name\":\"Demo Person\",\"dateOfBirth\":\"1956-03-14\",\"postcode\":\"LS6 2AB\"},\n"
                + "            \"reason\":{\"system\":\"http://snomed.info/sct\",\"code\":\"239873007\"},\"preferences\":{\"maxTravelKm\":20}}'\n"
                + "\nCtrl-C stops everything.");
        Thread.currentThread().join();
    }
}
