package uk.nhs.pathways.referral;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import uk.nhs.pathways.events.Joint;

/** The referral service's own settings (application.properties, or PATHWAYS_… environment variables). */
@ConfigMapping(prefix = "pathways")
public interface ReferralConfig {

    Routing routing();

    Lifecycle lifecycle();

    Pseudonym pseudonym();

    Register register();

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

    interface Register {

        /**
         * pathways.register.drop-out-after-absences: sessions missed in a row without notice (ABSENT) after
         * which the person has dropped out (CONSECUTIVE_ABSENCES). A session cancelled for the class is skipped;
         * an absence with notice, or a session not yet recorded, ends the run.
         */
        @WithDefault("3")
        int dropOutAfterAbsences();

        /**
         * pathways.register.close-after-days: days after a class's last session the closing check ends the
         * courses still open in it (unrecorded sessions count as held and not attended); sooner if the
         * directory says the class is COMPLETED. Time for the provider to fill in the register first.
         */
        @WithDefault("7")
        int closeAfterDays();

        /** pathways.register.closing-check-every: how often each replica runs the closing check, e.g. 1h. */
        @WithDefault("1h")
        String closingCheckEvery();

        /** pathways.register.closing-check-delay: how long after start the first closing check waits. */
        @WithDefault("2m")
        String closingCheckDelay();

        /** The completion share of each programme (the joint it is for). */
        Completion completion();

        interface Completion {

            /**
             * pathways.register.completion.knee: the share of the sessions held a person must attend for the
             * course to be COMPLETED (rounded up: 0.75 of 11 held is 9).
             */
            @WithDefault("0.75")
            BigDecimal knee();

            /** pathways.register.completion.hip: as for the knee. */
            @WithDefault("0.75")
            BigDecimal hip();

            default BigDecimal of(Joint joint) {
                return joint == Joint.HIP ? hip() : knee();
            }
        }
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
