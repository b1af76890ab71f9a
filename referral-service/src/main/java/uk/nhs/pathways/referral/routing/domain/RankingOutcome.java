package uk.nhs.pathways.referral.routing.domain;

import java.util.List;

/** What ranking found for a referral: classes in rank order, or why none fits. */
public sealed interface RankingOutcome {

    /** The chosen class first, then the alternatives. */
    record Ranked(List<RankedClass> classes) implements RankingOutcome {
        public RankedClass chosen() {
            return classes.getFirst();
        }
    }

    /** Nothing fits: a coded reason (e.g. NO_CLASS_IN_RANGE) and the same in words. */
    record NothingFits(String reasonCode, String reason) implements RankingOutcome {}
}
