package uk.nhs.pathways.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: Apache Kafka's own in-JVM KRaft test cluster (one
 * combined broker and controller), or a Testcontainers broker where Docker is available. One per test
 * JVM; it sets {@code kafka.bootstrap.servers}.
 */
public class KafkaTestCluster implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;
    private static KafkaContainer container;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    public static synchronized String bootstrapServers() {
        if (TestInfrastructure.useDocker()) {
            if (container == null) {
                container = new KafkaContainer("apache/kafka:4.1.1");
                container.start();
            }
            return container.getBootstrapServers();
        }
        if (cluster == null) {
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                                .setCombined(true)
                                .setNumBrokerNodes(1)
                                .setNumControllerNodes(1)
                                .build())
                        .setConfigProp("auto.create.topics.enable", "false")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        // One broker: internal topics must not ask for more replicas than exist.
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-JVM Kafka cluster", e);
            }
        }
        return cluster.bootstrapServers();
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; closed when the JVM exits.
    }
}
