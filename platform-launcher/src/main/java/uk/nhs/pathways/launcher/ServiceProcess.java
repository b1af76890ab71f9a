package uk.nhs.pathways.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (run ./mvnw package first)");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1"); // faster start-up on 2 cores matters more here than peak speed
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Loopback only: the local run trusts a committed demo signing key, so it must not be reachable
        // from the network. (Containers and clusters bind as their own configuration says.)
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        process = builder.start();
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " not ready after " + timeout + "; see " + logFile);
            }
            Thread.sleep(250); // polling a child process's health endpoint
        }
    }

    /** Sends the stop signal without waiting. */
    public void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
