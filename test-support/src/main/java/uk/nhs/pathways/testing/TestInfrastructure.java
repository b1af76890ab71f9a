package uk.nhs.pathways.testing;

import org.testcontainers.DockerClientFactory;

/**
 * Where the tests' PostgreSQL and Kafka come from. {@code PATHWAYS_TEST_INFRA=local} uses the local
 * PostgreSQL server and an in-JVM Kafka cluster (the default on machines without a Docker engine);
 * {@code docker} uses Testcontainers; {@code auto} (default) picks Testcontainers only when a Docker
 * engine answers.
 */
public final class TestInfrastructure {

    private static Boolean docker;

    private TestInfrastructure() {}

    public static synchronized boolean useDocker() {
        if (docker == null) {
            String mode = System.getenv().getOrDefault("PATHWAYS_TEST_INFRA", "auto");
            docker = switch (mode) {
                case "local" -> false;
                case "docker" -> true;
                default -> dockerAnswers();
            };
        }
        return docker;
    }

    private static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(
                        java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false; // no engine configured: skip Testcontainers' noisy probe
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
