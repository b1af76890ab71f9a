package uk.nhs.pathways.referral.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.coverage.domain.Coverage;

/**
 * Ranking against the rule read plainly (every class checked, all fitting sorted), over random sites,
 * classes, preferences and coverage, some sites within a metre of the travel limit: the scan's shortcuts
 * (site checks first, distance bounds, early stops, grid cells) must never change the outcome.
 */
class RankingRuleTest {

    static final Location HOME = RankingTest.HOME;
    static final LocalDate TODAY = RankingTest.TODAY;

    @Test
    void theScanRanksAsTheRuleReadPlainlyDoes() {
        Random random = new Random(2026);
        int ranked = 0;
        for (int round = 0; round < 1_000; round++) {
            Preferences preferences = preferences(random);
            Ranking.Query query = new Ranking.Query(
                    HOME,
                    random.nextBoolean() ? Joint.KNEE : Joint.HIP,
                    preferences,
                    preferences.travelLimit(30_000),
                    TODAY.plusDays(1),
                    TODAY.plusWeeks(8),
                    new HashSet<>(),
                    1 + random.nextInt(6),
                    null);
            List<Ranking.Site> sites = new ArrayList<>();
            List<Ranking.Cohort> classes = new ArrayList<>();
            for (int s = 0; s < 1 + random.nextInt(40); s++) {
                Ranking.Site site = site(random, "s" + s, query.travelLimitMetres());
                sites.add(site);
                for (int c = 0; c < random.nextInt(8); c++) {
                    classes.add(cohort(random, site, "c" + s + "-" + c));
                }
            }
            for (Ranking.Cohort cohort : classes) {
                if (random.nextInt(10) == 0) {
                    query.tried().add(cohort.classId());
                }
            }
            query = new Ranking.Query(
                    query.home(),
                    query.joint(),
                    preferences,
                    query.travelLimitMetres(),
                    query.earliestStart(),
                    query.latestStart(),
                    Set.copyOf(query.tried()),
                    query.wanted(),
                    coverage(random));

            List<Ranking.SiteClasses> candidates = new ArrayList<>();
            for (Ranking.Site site : sites) {
                List<Ranking.Cohort> own = classes.stream()
                        .filter(c -> c.siteId().equals(site.siteId()))
                        .toList();
                if (!own.isEmpty()) {
                    candidates.add(new Ranking.SiteClasses(site, own));
                }
            }
            List<Ranking.GridCell> cells = new ArrayList<>();
            for (int from = 0; from < candidates.size(); ) {
                int to = Math.min(candidates.size(), from + 1 + random.nextInt(5));
                cells.add(new Ranking.GridCell(candidates.subList(from, to)));
                from = to;
            }

            String expected = plainly(query, sites, classes);
            assertThat(summary(Ranking.rank(query, candidates)))
                    .as("round %d", round)
                    .isEqualTo(expected);
            assertThat(summary(Ranking.rankCells(query, cells)))
                    .as("round %d, in cells", round)
                    .isEqualTo(expected);
            if (!expected.startsWith("NO_") && !expected.startsWith("REROUTES")) {
                ranked++;
            }
        }
        assertThat(ranked).as("rounds where something fits").isBetween(150, 850);
    }

    /** The rule as the class comment states it, with no shortcut. */
    static String plainly(Ranking.Query query, List<Ranking.Site> sites, List<Ranking.Cohort> classes) {
        Preferences preferences = query.preferences();
        record Fitting(Ranking.Cohort cohort, Ranking.Site site, long distance, boolean funded) {}
        List<Fitting> fitting = new ArrayList<>();
        int inRange = 0;
        int meetPreferences = 0;
        int withRoom = 0;
        for (Ranking.Cohort cohort : classes) {
            Ranking.Site site = sites.stream()
                    .filter(s -> s.siteId().equals(cohort.siteId()))
                    .findFirst()
                    .orElseThrow();
            long distance = Math.round(HOME.metresTo(new Location(site.latitude(), site.longitude())));
            if (!site.takesReferralsFor(query.joint())
                    || cohort.status() != ClassStatus.SCHEDULED
                    || !cohort.programmes().contains(query.joint())
                    || cohort.startDate().isBefore(query.earliestStart())
                    || cohort.startDate().isAfter(query.latestStart())
                    || distance > query.travelLimitMetres()
                    // as ranking has always done: a site farther north or south alone than the limit is out
                    // (within half a metre of the limit, stricter than the rounded distance)
                    || Math.abs(site.latitude() - HOME.latitude()) * Ranking.METRES_PER_DEGREE_OF_LATITUDE
                            > query.travelLimitMetres()) {
                continue;
            }
            inRange++;
            if (!preferences.accepts(site.setting())
                    || !preferences.meetsNeedsOf(site.accessibility())
                    || !preferences.suitsTimes(cohort.days(), cohort.startTime(), cohort.endTime())) {
                continue;
            }
            meetPreferences++;
            if (cohort.freePlaces() <= 0) {
                continue;
            }
            withRoom++;
            if (!query.tried().contains(cohort.classId())) {
                fitting.add(new Fitting(
                        cohort,
                        site,
                        distance,
                        query.coverage()
                                .funds(cohort.providerId(), query.joint(), cohort.startDate(), cohort.sessions())));
            }
        }
        if (fitting.isEmpty()) {
            if (inRange == 0) {
                return "NO_CLASS_IN_RANGE";
            }
            if (meetPreferences == 0) {
                return "NO_CLASS_MEETS_PREFERENCES " + inRange;
            }
            return withRoom == 0 ? "NO_CLASS_WITH_ROOM " + meetPreferences : "REROUTES_EXHAUSTED " + withRoom;
        }
        fitting.sort(Comparator.comparing((Fitting f) -> !f.funded())
                .thenComparing(f -> f.cohort().startDate())
                .thenComparingLong(Fitting::distance)
                .thenComparing(f -> f.cohort().classId()));
        return String.join(
                ", ",
                fitting.stream()
                        .limit(query.wanted())
                        .map(f -> f.cohort().classId() + " " + f.distance() + " m " + f.funded())
                        .toList());
    }

    /** An outcome as {@link #plainly} gives it: the classes (id, distance, funded), or the reason and its count. */
    static String summary(RankingOutcome outcome) {
        if (outcome instanceof RankingOutcome.Ranked ranked) {
            return String.join(
                    ", ",
                    ranked.classes().stream()
                            .map(c -> c.classId() + " " + c.distanceMetres() + " m " + c.funded())
                            .toList());
        }
        RankingOutcome.NothingFits none = (RankingOutcome.NothingFits) outcome;
        if (none.reasonCode().equals("NO_CLASS_IN_RANGE")) {
            return none.reasonCode();
        }
        Matcher count = Pattern.compile("\\d+").matcher(none.reason());
        return none.reasonCode() + " " + (count.find() ? count.group() : "?");
    }

    // ---- random data ----

    static Preferences preferences(Random random) {
        Set<Setting> settings = null;
        if (random.nextBoolean()) {
            settings = EnumSet.noneOf(Setting.class);
            for (Setting setting : Setting.values()) {
                if (random.nextInt(3) > 0) {
                    settings.add(setting);
                }
            }
        }
        List<Preferences.AvailabilityWindow> windows = null;
        if (random.nextBoolean()) {
            windows = new ArrayList<>();
            for (int i = 0; i < random.nextInt(5); i++) {
                int from = 8 + random.nextInt(10);
                windows.add(new Preferences.AvailabilityWindow(
                        DayOfWeek.of(1 + random.nextInt(7)),
                        LocalTime.of(from, 30 * random.nextInt(2)),
                        LocalTime.of(Math.min(23, from + 1 + random.nextInt(6)), 0)));
            }
        }
        Set<AccessibilityFeature> needs = EnumSet.noneOf(AccessibilityFeature.class);
        if (random.nextInt(3) == 0) {
            needs.add(AccessibilityFeature.values()[random.nextInt(AccessibilityFeature.values().length)]);
        }
        Integer limit = random.nextBoolean() ? null : 1_000 * (3 + random.nextInt(50));
        return new Preferences(settings, windows, limit, needs);
    }

    /** Anywhere up to twice the limit away; one in four within a metre of the limit, due north or south. */
    static Ranking.Site site(Random random, String id, long limit) {
        double latitude;
        double longitude;
        if (random.nextInt(4) == 0) {
            double metres = limit + (random.nextInt(5) - 2) * 0.3;
            latitude = HOME.latitude() + (random.nextBoolean() ? 1 : -1) * metres / RankingTest.METRES_PER_DEGREE;
            longitude = HOME.longitude();
        } else {
            double degrees = 2.0 * limit / RankingTest.METRES_PER_DEGREE;
            latitude = HOME.latitude() + (random.nextDouble() * 2 - 1) * degrees;
            longitude = HOME.longitude() + (random.nextDouble() * 2 - 1) * degrees * 1.6;
        }
        Set<AccessibilityFeature> offers = EnumSet.noneOf(AccessibilityFeature.class);
        for (AccessibilityFeature feature : AccessibilityFeature.values()) {
            if (random.nextBoolean()) {
                offers.add(feature);
            }
        }
        return new Ranking.Site(
                id,
                "Site " + id,
                "prov-" + random.nextInt(5),
                "Provider",
                Setting.values()[random.nextInt(Setting.values().length)],
                random.nextInt(6) == 0 ? SiteStatus.PAUSED : SiteStatus.ACTIVE,
                random.nextInt(4) == 0 ? EnumSet.of(Joint.values()[random.nextInt(2)]) : EnumSet.allOf(Joint.class),
                offers,
                latitude,
                longitude);
    }

    static Ranking.Cohort cohort(Random random, Ranking.Site site, String id) {
        List<DayOfWeek> days = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            days.add(DayOfWeek.of(1 + random.nextInt(7)));
        }
        return new Ranking.Cohort(
                id,
                site.siteId(),
                random.nextInt(5) == 0 ? "prov-" + random.nextInt(5) : site.providerId(),
                random.nextInt(4) == 0 ? EnumSet.of(Joint.values()[random.nextInt(2)]) : EnumSet.allOf(Joint.class),
                TODAY.plusDays(random.nextInt(70) - 5),
                List.copyOf(days),
                random.nextInt(20) == 0
                        ? LocalTime.of(23, 30)
                        : LocalTime.of(8 + random.nextInt(12), 30 * random.nextInt(2)),
                60,
                random.nextBoolean() ? 12 : 8,
                random.nextInt(4),
                random.nextInt(8) == 0 ? ClassStatus.CANCELLED : ClassStatus.SCHEDULED);
    }

    static Coverage coverage(Random random) {
        List<Coverage.Cover> covers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            if (random.nextBoolean()) {
                covers.add(new Coverage.Cover(
                        "prov-" + p,
                        new FundingCoverage.Period(
                                TODAY.plusDays(random.nextInt(30) - 10),
                                null,
                                List.of(Joint.values()[random.nextInt(2)]),
                                random.nextBoolean() ? 12 : 8)));
            }
        }
        return Coverage.of(covers);
    }
}
