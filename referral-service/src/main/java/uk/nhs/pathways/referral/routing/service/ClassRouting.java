package uk.nhs.pathways.referral.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.platform.geo.GpPractices;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.ReferralConfig;
import uk.nhs.pathways.referral.coverage.domain.Coverage;
import uk.nhs.pathways.referral.routing.domain.Preferences;
import uk.nhs.pathways.referral.routing.domain.Ranking;
import uk.nhs.pathways.referral.routing.domain.RankingOutcome;

/**
 * Ranks the classes for a referral with today's data: the copies of the directory (through the
 * {@link CandidateIndex}), the commissioner's coverage (the person's practice's ICB), the window of start
 * dates and the travel limit from configuration.
 */
@ApplicationScoped
public class ClassRouting {

    @Inject
    CandidateIndex index;

    @Inject
    GpPractices practices;

    @Inject
    ReferralConfig config;

    @Inject
    Clock clock;

    /** The commissioner of a GP practice's patients: its ICB, or null when the practice is unknown. */
    public String commissionerOf(String practiceOdsCode) {
        return practices.commissionerOf(practiceOdsCode).orElse(null);
    }

    public long defaultTravelLimitMetres() {
        return config.routing().maxDistanceMetres();
    }

    /** The best classes for the person, not counting those already {@code tried}; or why none fits. */
    @Transactional
    public RankingOutcome rank(
            Location home, String practiceOdsCode, Joint joint, Preferences preferences, Set<String> tried) {
        index.catchUp();
        LocalDate today = England.today(clock);
        long limit = preferences.travelLimit(defaultTravelLimitMetres());
        Coverage coverage = index.coverageOf(commissionerOf(practiceOdsCode));
        Ranking.Query query = new Ranking.Query(
                home,
                joint,
                preferences,
                limit,
                today.plusDays(config.routing().startsFromDays()),
                today.plusWeeks(config.routing().startsWithinWeeks()),
                tried,
                1 + config.routing().alternatives(),
                coverage);
        return Ranking.rankCells(query, index.near(home, limit));
    }
}
