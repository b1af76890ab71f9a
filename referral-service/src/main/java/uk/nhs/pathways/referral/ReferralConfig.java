package uk.nhs.pathways.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The referral service's own settings (application.properties, or PATHWAYS_… environment variables). */
@ConfigMapping(prefix = "pathways")
public interface ReferralConfig {

    Routing routing();

    Pseudonym pseudonym();

    interface Routing {

        /**
         * pathways.routing.max-distance-metres: how far from the centre of the person's postcode district a
         * site may be and still be offered; beyond it the referral needs attention instead.
         */
        @WithDefault("30000")
        long maxDistanceMetres();
    }

    interface Pseudonym {

        /**
         * pathways.pseudonym.key: the key of the keyed hash that turns an NHS number into a pseudonym. No
         * default in code; application.properties has a local-demo key, which PATHWAYS_PSEUDONYM_KEY (from a
         * secret store) replaces anywhere real data flows.
         */
        String key();
    }
}
