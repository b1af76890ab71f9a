package uk.nhs.pathways.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.ReferenceData;

/**
 * Creates the platform's topics when they are missing, with the settings they need (the sites topic
 * is compacted so it always holds the latest state of every site). In Kubernetes the same topics are
 * declared by deploy/; creating an existing topic is a no-op.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicsConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** In the background, so a service starts (and reports Kafka not ready) while the broker is away. */
    void onStart(@Observes StartupEvent ignored) {
        Thread.ofVirtual().name("topic-provisioner").start(() -> {
            while (!provision()) {
                try {
                    Thread.sleep(5_000); // the broker is away: try again shortly
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** @return true when every topic exists */
    boolean provision() {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        List<NewTopic> topics = new ArrayList<>(List.of(
                new NewTopic(Topics.SITES, config.partitions(), config.replicationFactor()).configs(compacted),
                new NewTopic(Topics.CLASSES, config.partitions(), config.replicationFactor()).configs(compacted),
                new NewTopic(Topics.FUNDING_COVERAGE, config.partitions(), config.replicationFactor())
                        .configs(compacted),
                new NewTopic(Topics.REFERRALS, config.partitions(), config.replicationFactor()),
                new NewTopic(Topics.PLACES, config.partitions(), config.replicationFactor()),
                new NewTopic(Topics.FUNDING_DECISIONS, config.partitions(), config.replicationFactor()),
                new NewTopic(Topics.CONTRACT_ALERTS, config.partitions(), config.replicationFactor()),
                new NewTopic(Topics.deadLetter(service), 1, config.replicationFactor())));
        if (config.outcomeTopics()) {
            for (Map<String, String> icb : ReferenceData.rows("icbs.csv")) {
                topics.add(new NewTopic(
                        Topics.outcomes(icb.get("icb_ods_code")), config.partitions(), config.replicationFactor()));
            }
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        boolean done = true;
        try (Admin admin = Admin.create(props)) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        done = false;
                        LOG.warnf(
                                "Could not create topic %s yet: %s",
                                entry.getKey(), e.getCause().getClass().getSimpleName());
                    }
                }
            }
        } catch (Exception e) {
            done = false;
            LOG.warnf("Topic provisioning will be retried: %s", e.getClass().getSimpleName());
        }
        return done;
    }
}
