package uk.nhs.pathways.sitedirectory.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings: only the demo directory has any. Rooted at {@code pathways.demo-data},
 * not {@code pathways}: a root there would claim, and fail on, the platform's shared keys such as
 * {@code pathways.kafka.partitions}.
 */
@ConfigMapping(prefix = "pathways.demo-data")
public interface DemoDataConfig {

    /** Load the demo directory into an empty database (bin/pathways sets PATHWAYS_DEMO_DATA=true). */
    @WithDefault("false")
    boolean enabled();

    /** Every n-th GP practice's postcode becomes a site (18: about 340 sites). */
    @WithDefault("18")
    int practiceStride();
}
