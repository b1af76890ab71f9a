package uk.nhs.pathways.contract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The contract service's own settings (application.properties, or PATHWAYS_… environment variables). */
@ConfigMapping(prefix = "pathways")
public interface ContractConfig {

    DemoData demoData();

    Coverage coverage();

    WhatIf whatIf();

    interface DemoData {

        /**
         * pathways.demo-data.enabled: load demo contracts (and a demo decision history for what-if) into an empty
         * database at start-up (the local run sets it); never on anywhere real.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Coverage {

        /**
         * pathways.coverage.served-radius-metres: a site serves the residents of every ICB with a GP practice
         * this close; the referral service's routing distance.
         */
        @WithDefault("30000")
        int servedRadiusMetres();
    }

    interface WhatIf {

        /** pathways.what-if.max-months: how far back a what-if may replay decisions. */
        @WithDefault("24")
        int maxMonths();
    }
}
