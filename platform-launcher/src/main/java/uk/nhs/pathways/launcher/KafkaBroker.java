package uk.nhs.pathways.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) run as a child process from
 * Apache Kafka's own jars on this JVM's classpath. It can be stopped and started again on the same
 * port and data directory, which is how the end-to-end tests take the broker away.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = dataDir.resolve("broker.log");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage on first use (a new cluster id), then starts the broker and waits for it. */
    public synchronized void start(Duration timeout) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Files.createDirectories(dataDir);
        Path config = writeConfig();
        Path logs = dataDir.resolve("logs");
        if (!Files.exists(logs.resolve("meta.properties"))) {
            String clusterId = base64Uuid();
            Process format = java(List.of(
                            "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "--config=" + config))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true)
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException("formatting Kafka storage failed; see " + logFile);
            }
        }
        process = java(List.of("-Xmx512m", "kafka.Kafka", config.toString()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepting()) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(
                        "Kafka broker not listening on " + port + " after " + timeout + "; see " + logFile);
            }
            Thread.sleep(200); // polling a port the child process is about to open
        }
    }

    /** Stops the broker process (orderly shutdown first). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepting() && System.nanoTime() < deadline) {
            Thread.sleep(100); // waiting for the stopped broker to release its port
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ProcessBuilder java(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        // Absolute entries: the broker runs in its data directory, not where this JVM started.
        command.add(java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> entry.endsWith("*")
                        ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath() + "/*"
                        : Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
        command.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dataDir.toFile());
    }

    private Path writeConfig() throws IOException {
        Path config = dataDir.resolve("server.properties");
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Files.writeString(config, properties);
        Files.writeString(
                dataDir.resolve("log4j2.properties"),
                String.join(
                        "\n",
                        "rootLogger.level=WARN",
                        "rootLogger.appenderRef.out.ref=out",
                        "appender.out.type=Console",
                        "appender.out.name=out",
                        "appender.out.layout.type=PatternLayout",
                        "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                        "logger.kafka.name=kafka.server.KafkaRaftServer",
                        "logger.kafka.level=INFO",
                        ""));
        return config;
    }

    /**
     * Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. One in 64 begins with
     * '-', which is why it is passed as {@code --cluster-id=<id>}: never read as an option.
     */
    private static String base64Uuid() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }
}
