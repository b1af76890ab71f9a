package uk.nhs.pathways.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the services create the platform's topics when they are missing (deploy/ declares the same). */
@ConfigMapping(prefix = "pathways.kafka")
public interface TopicsConfig {

    /** Partitions of each event topic: events of one aggregate stay on one, in order. */
    @WithDefault("3")
    int partitions();

    /** 1 on one broker; 3 in a cluster. */
    @WithDefault("1")
    short replicationFactor();

    /** Whether this service creates the per-ICB outcome topics (the outcomes service, which writes them). */
    @WithDefault("false")
    boolean outcomeTopics();
}
