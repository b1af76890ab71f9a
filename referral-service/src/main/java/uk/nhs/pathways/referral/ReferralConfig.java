package uk.nhs.pathways.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The referral service's own settings (application.properties, or PATHWAYS_… environment variables). */
@ConfigMapping(prefix = "pathways")
public interface ReferralConfig {

    Routing routing();

    Lifecycle lifecycle();

    Pseudonym pseudonym();

    interface Routing {

        /**
         * pathways.routing.max-distance-metres: how far from the centre of the person's postcode district a
         * class may be when the person states no limit of their own.
         */
        @WithDefault("30000")
        long maxDistanceMetres();

        /** pathways.routing.starts-from-days: a class must start at least this many days after today. */
        @WithDefault("1")
        int startsFromDays();

        /** pathways.routing.starts-within-weeks: ...and at most this many weeks after today. */
        @WithDefault("8")
        int startsWithinWeeks();

        /** pathways.routing.alternatives: how many classes after the chosen one the referral keeps, ranked. */
        @WithDefault("5")
        int alternatives();
    }

    interface Lifecycle {

        /**
         * pathways.lifecycle.answer-within-working-days: working days in England (bank holidays excluded)
         * a provider has to accept or decline an offer, not counting the day of the offer; after them the
         * referral moves on to the next class.
         */
        @WithDefault("5")
        int answerWithinWorkingDays();

        /** pathways.lifecycle.max-reroutes: automatic re-routes before the referral goes back to the FCP. */
        @WithDefault("3")
        int maxReroutes();

        /**
         * pathways.lifecycle.no-answer-check-every: how often each replica runs the no-answer check (read by
         * NoAnswerCheck's schedule), e.g. 15m.
         */
        @WithDefault("15m")
        String noAnswerCheckEvery();

        /** pathways.lifecycle.no-answer-check-delay: how long after start the first check waits. */
        @WithDefault("1m")
        String noAnswerCheckDelay();

        /** pathways.lifecycle.no-answer-batch: offers the no-answer check moves on per transaction. */
        @WithDefault("50")
        int noAnswerBatch();
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
