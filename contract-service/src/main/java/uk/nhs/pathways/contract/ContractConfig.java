package uk.nhs.pathways.contract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The contract service's own settings (application.properties, or PATHWAYS_… environment variables). */
@ConfigMapping(prefix = "pathways")
public interface ContractConfig {

    DemoData demoData();

    interface DemoData {

        /**
         * pathways.demo-data.enabled: load a demo contract for every ICB into an empty database at start-up
         * (the local run sets it); never on anywhere real.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
