package uk.nhs.pathways.outcomes.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings: only the demo history has any. Rooted at {@code pathways.demo-data}, not
 * {@code pathways}: a root there would claim the platform's shared keys such as
 * {@code pathways.kafka.outcome-topics}.
 */
@ConfigMapping(prefix = "pathways.demo-data")
public interface DemoHistoryConfig {

    /** Generate the demo history once the directory's demo sites are here (PATHWAYS_DEMO_DATA=true). */
    @WithDefault("false")
    boolean enabled();

    /**
     * Sites the copy must hold, and hold steadily between two checks, before the history is generated: the
     * demo directory has about 340, so 300 means "the demo directory has been read".
     */
    @WithDefault("300")
    int minSites();

    /** How often to check (a duration, e.g. 5s). */
    @WithDefault("5s")
    String checkEvery();

    /** Complete past quarters of history, besides the current one so far. */
    @WithDefault("3")
    int pastQuarters();
}
