package uk.nhs.pathways.referral.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.coverage.domain.Coverage;

/** The routing rule over several candidate classes at known distances, dates and providers. */
public class RankingTest {

    /** Exeter (EX1). */
    static final Location HOME = new Location(50.728760, -3.497277);

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static final double METRES_PER_DEGREE = Math.toRadians(1) * Location.EARTH_RADIUS_METRES;

    static final List<DayOfWeek> TUE_THU = List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

    /** A site this far north of home (negative: south). */
    static Ranking.Site site(String id, double north, Setting setting, AccessibilityFeature... offers) {
        return new Ranking.Site(
                id,
                "Site " + id,
                "prov-" + id,
                "Provider " + id,
                setting,
                SiteStatus.ACTIVE,
                EnumSet.of(Joint.KNEE, Joint.HIP),
                offers.length == 0 ? EnumSet.noneOf(AccessibilityFeature.class) : EnumSet.of(offers[0], offers),
                HOME.latitude() + north / METRES_PER_DEGREE,
                HOME.longitude());
    }

    static Ranking.Cohort cohort(String id, Ranking.Site site, int startsInDays, LocalTime at, int free) {
        return new Ranking.Cohort(
                id,
                site.siteId(),
                site.providerId(),
                EnumSet.of(Joint.KNEE, Joint.HIP),
                TODAY.plusDays(startsInDays),
                TUE_THU,
                at,
                60,
                12,
                free,
                ClassStatus.SCHEDULED);
    }

    static Coverage covering(String... providers) {
        List<Coverage.Cover> covers = new ArrayList<>();
        for (String provider : providers) {
            covers.add(new Coverage.Cover(
                    provider, new FundingCoverage.Period(TODAY.minusYears(1), null, List.of(Joint.KNEE), 12)));
        }
        return Coverage.of(covers);
    }

    static Ranking.Query query(Preferences preferences, Coverage coverage, Set<String> tried) {
        return new Ranking.Query(
                HOME,
                Joint.KNEE,
                preferences,
                preferences.travelLimit(30_000),
                TODAY.plusDays(1),
                TODAY.plusWeeks(8),
                tried,
                6,
                coverage);
    }

    static List<Ranking.SiteClasses> around(Map<Ranking.Site, List<Ranking.Cohort>> classes) {
        return classes.entrySet().stream()
                .map(e -> new Ranking.SiteClasses(e.getKey(), e.getValue()))
                .toList();
    }

    static List<String> ids(RankingOutcome outcome) {
        assertThat(outcome).isInstanceOf(RankingOutcome.Ranked.class);
        return ((RankingOutcome.Ranked) outcome)
                .classes().stream().map(RankedClass::classId).collect(Collectors.toList());
    }

    final Ranking.Site near = site("near-2km", 2_000, Setting.LEISURE_CENTRE, AccessibilityFeature.STEP_FREE_ACCESS);
    final Ranking.Site mid = site("mid-8km", -8_000, Setting.COMMUNITY_CENTRE);
    final Ranking.Site far =
            site("far-20km", 20_000, Setting.PHYSIOTHERAPY_DEPARTMENT, AccessibilityFeature.STEP_FREE_ACCESS);

    @Test
    void fundedClassesComeFirstThenTheSoonerStartThenTheNearerThenTheLowerId() {
        List<Ranking.SiteClasses> candidates = around(Map.of(
                near, List.of(cohort("n-soon", near, 3, LocalTime.of(10, 0), 4)),
                mid,
                        List.of(
                                cohort("m-late", mid, 20, LocalTime.of(10, 0), 4),
                                cohort("m-10", mid, 10, LocalTime.of(10, 0), 4)),
                far,
                        List.of(
                                cohort("f-10", far, 10, LocalTime.of(10, 0), 4),
                                cohort("f-20b", far, 20, LocalTime.of(10, 0), 4))));
        // mid and far are funded; near is not, however soon and near it is.
        RankingOutcome outcome =
                Ranking.rank(query(Preferences.NONE, covering("prov-mid-8km", "prov-far-20km"), Set.of()), candidates);
        assertThat(ids(outcome)).containsExactly("m-10", "f-10", "m-late", "f-20b", "n-soon");
        RankedClass best = ((RankingOutcome.Ranked) outcome).chosen();
        assertThat(best.funded()).isTrue();
        assertThat(best.distanceMetres()).isCloseTo(8_000L, within(10L));
        assertThat(best.startDate()).isEqualTo(TODAY.plusDays(10));
        assertThat(best.preferencesMet()).containsExactly("within 8 km (limit 30 km)");
        assertThat(((RankingOutcome.Ranked) outcome).classes().getLast().funded())
                .isFalse();

        // Nothing funded: the soonest, whatever the distance.
        assertThat(ids(Ranking.rank(query(Preferences.NONE, Coverage.NONE, Set.of()), candidates)))
                .startsWith("n-soon", "m-10", "f-10");
    }

    @Test
    void theSameStartGoesToTheNearerAndThenToTheLowerId() {
        Ranking.Site twin = site("twin-8km", 8_000, Setting.COMMUNITY_CENTRE);
        List<Ranking.SiteClasses> candidates = around(Map.of(
                far, List.of(cohort("a-far", far, 7, LocalTime.of(10, 0), 4)),
                mid, List.of(cohort("c-mid", mid, 7, LocalTime.of(10, 0), 4)),
                twin, List.of(cohort("b-twin", twin, 7, LocalTime.of(10, 0), 4))));
        assertThat(ids(Ranking.rank(query(Preferences.NONE, Coverage.NONE, Set.of()), candidates)))
                .containsExactly("b-twin", "c-mid", "a-far");
    }

    @Test
    void preferencesAreHonouredAndTheExplanationSaysWhichWereMet() {
        List<Ranking.SiteClasses> candidates = around(Map.of(
                near,
                        List.of(
                                cohort("evening", near, 3, LocalTime.of(18, 0), 4),
                                cohort("morning", near, 9, LocalTime.of(10, 0), 4)),
                mid, List.of(cohort("community", mid, 2, LocalTime.of(10, 0), 4)),
                far, List.of(cohort("physio", far, 2, LocalTime.of(10, 0), 4))));
        Preferences preferences = new Preferences(
                EnumSet.of(Setting.LEISURE_CENTRE, Setting.PHYSIOTHERAPY_DEPARTMENT),
                List.of(
                        new Preferences.AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
                        new Preferences.AvailabilityWindow(
                                DayOfWeek.THURSDAY, LocalTime.of(9, 30), LocalTime.of(12, 0))),
                10_000,
                Set.of(AccessibilityFeature.STEP_FREE_ACCESS));
        // community: wrong setting; physio: too far (20 km > 10 km); evening: outside the windows.
        RankingOutcome outcome = Ranking.rank(query(preferences, Coverage.NONE, Set.of()), candidates);
        assertThat(ids(outcome)).containsExactly("morning");
        assertThat(((RankingOutcome.Ranked) outcome).chosen().preferencesMet())
                .containsExactly(
                        "within 2 km (limit 10 km)",
                        "setting LEISURE_CENTRE",
                        "times: TUESDAY 10:00-11:00 within TUESDAY 09:00-13:00; THURSDAY 10:00-11:00 within THURSDAY 09:30-12:00",
                        "needs: STEP_FREE_ACCESS");

        // A need the site does not offer rules it out.
        Preferences hearingLoop = new Preferences(null, null, null, Set.of(AccessibilityFeature.HEARING_LOOP));
        assertThat(Ranking.rank(query(hearingLoop, Coverage.NONE, Set.of()), candidates))
                .isEqualTo(
                        new RankingOutcome.NothingFits(
                                "NO_CLASS_MEETS_PREFERENCES",
                                "4 classes for the knee are in range, but none meets the person's preferences (settings, days and times, needs)"));
    }

    @Test
    void aClassMustHaveRoomBeScheduledAndStartInTheWindow() {
        List<Ranking.SiteClasses> candidates = around(Map.of(
                near,
                List.of(
                        cohort("full", near, 3, LocalTime.of(10, 0), 0),
                        cohort("too-soon", near, 0, LocalTime.of(10, 0), 4),
                        cohort("too-late", near, 57, LocalTime.of(10, 0), 4),
                        new Ranking.Cohort(
                                "running",
                                near.siteId(),
                                near.providerId(),
                                EnumSet.of(Joint.KNEE),
                                TODAY.plusDays(5),
                                TUE_THU,
                                LocalTime.of(10, 0),
                                60,
                                12,
                                4,
                                ClassStatus.RUNNING),
                        new Ranking.Cohort(
                                "hip-only",
                                near.siteId(),
                                near.providerId(),
                                EnumSet.of(Joint.HIP),
                                TODAY.plusDays(5),
                                TUE_THU,
                                LocalTime.of(10, 0),
                                60,
                                12,
                                4,
                                ClassStatus.SCHEDULED),
                        cohort("last-day", near, 56, LocalTime.of(10, 0), 4))));
        assertThat(ids(Ranking.rank(query(Preferences.NONE, Coverage.NONE, Set.of()), candidates)))
                .containsExactly("last-day");
        assertThat(Ranking.rank(query(Preferences.NONE, Coverage.NONE, Set.of("last-day")), candidates))
                .extracting(o -> ((RankingOutcome.NothingFits) o).reasonCode())
                .isEqualTo("REROUTES_EXHAUSTED");
    }

    @Test
    void whyNothingFitsIsCoded() {
        Ranking.Site paused = new Ranking.Site(
                "paused",
                "Paused",
                "prov-p",
                "P",
                Setting.LEISURE_CENTRE,
                SiteStatus.PAUSED,
                EnumSet.of(Joint.KNEE),
                EnumSet.noneOf(AccessibilityFeature.class),
                HOME.latitude(),
                HOME.longitude());
        assertThat(Ranking.rank(
                        query(Preferences.NONE, Coverage.NONE, Set.of()),
                        around(Map.of(paused, List.of(cohort("p", paused, 3, LocalTime.of(10, 0), 4))))))
                .isEqualTo(new RankingOutcome.NothingFits(
                        "NO_CLASS_IN_RANGE",
                        "No ESCAPE-pain class for the knee starts between 2026-12-02 and 2027-01-26 at an active site"
                                + " within 30 km of the person's home district"));
        Preferences fiveKm = new Preferences(null, null, 5_000, Set.of());
        assertThat(Ranking.rank(
                        query(fiveKm, Coverage.NONE, Set.of()),
                        around(Map.of(far, List.of(cohort("f", far, 3, LocalTime.of(10, 0), 4))))))
                .extracting(o -> ((RankingOutcome.NothingFits) o).reasonCode())
                .isEqualTo("NO_CLASS_IN_RANGE");
        assertThat(Ranking.rank(
                        query(Preferences.NONE, Coverage.NONE, Set.of()),
                        around(Map.of(near, List.of(cohort("full", near, 3, LocalTime.of(10, 0), 0))))))
                .isEqualTo(new RankingOutcome.NothingFits(
                        "NO_CLASS_WITH_ROOM", "1 class meets the person's preferences, but none has a free place"));
    }

    @Test
    void coverageMustBeInForceOnTheStartCoverTheJointAndAllowTheSessions() {
        Ranking.Cohort starts = cohort("c", near, 10, LocalTime.of(10, 0), 4);
        LocalDate start = starts.startDate();
        String provider = near.providerId();
        assertThat(Coverage.of(List.of(new Coverage.Cover(
                                null, new FundingCoverage.Period(start, start, List.of(Joint.KNEE), 12))))
                        .funds(provider, Joint.KNEE, start, 12))
                .as("any qualified provider, in force that day")
                .isTrue();
        assertThat(Coverage.of(List.of(new Coverage.Cover(
                                provider,
                                new FundingCoverage.Period(start.plusDays(1), null, List.of(Joint.KNEE), 12))))
                        .funds(provider, Joint.KNEE, start, 12))
                .as("not yet in force")
                .isFalse();
        assertThat(Coverage.of(List.of(new Coverage.Cover(
                                provider,
                                new FundingCoverage.Period(start.minusYears(1), null, List.of(Joint.HIP), 12))))
                        .funds(provider, Joint.KNEE, start, 12))
                .as("another joint")
                .isFalse();
        assertThat(Coverage.of(List.of(new Coverage.Cover(
                                provider,
                                new FundingCoverage.Period(start.minusYears(1), null, List.of(Joint.KNEE), 4))))
                        .funds(provider, Joint.KNEE, start, 12))
                .as("4 contacts for 12 sessions")
                .isFalse();
        assertThat(Coverage.of(List.of(new Coverage.Cover(
                                "someone-else",
                                new FundingCoverage.Period(start.minusYears(1), null, List.of(Joint.KNEE), 12))))
                        .funds(provider, Joint.KNEE, start, 12))
                .as("another provider")
                .isFalse();
    }
}
