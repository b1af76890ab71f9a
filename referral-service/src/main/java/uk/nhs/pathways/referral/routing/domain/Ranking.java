package uk.nhs.pathways.referral.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.coverage.domain.Coverage;

/**
 * The routing rule: which classes fit a person and in what order. A class fits when it is SCHEDULED with a
 * free place, starts within the window, runs the programme for the joint at an ACTIVE site that runs it
 * too, is within the person's travel limit, and meets their preferences (setting, every session inside a
 * time they can attend, every need met by the site). Fitting classes rank funded before unfunded, then the
 * sooner start, then the shorter distance, then the lower class id. Pure: the index supplies the classes.
 */
public final class Ranking {

    private Ranking() {}

    /** Along a meridian; a great-circle distance is never shorter than its north-south part. */
    static final double METRES_PER_DEGREE_OF_LATITUDE = 111_195.0;

    /** What to rank for. {@code tried}: classes this referral was already proposed to. */
    public record Query(
            Location home,
            Joint joint,
            Preferences preferences,
            long travelLimitMetres,
            LocalDate earliestStart,
            LocalDate latestStart,
            Set<String> tried,
            int wanted,
            Coverage coverage) {}

    /** A site as ranking needs it. */
    public record Site(
            String siteId,
            String name,
            String providerId,
            String providerName,
            Setting setting,
            SiteStatus status,
            Set<Joint> programmes,
            Set<AccessibilityFeature> accessibility,
            double latitude,
            double longitude) {

        boolean takesReferralsFor(Joint joint) {
            return status == SiteStatus.ACTIVE && programmes.contains(joint);
        }
    }

    /** A class as ranking needs it. */
    public record Cohort(
            String classId,
            String siteId,
            String providerId,
            Set<Joint> programmes,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            int durationMinutes,
            int sessions,
            int freePlaces,
            ClassStatus status) {

        LocalTime endTime() {
            return startTime.plusMinutes(durationMinutes);
        }
    }

    /**
     * A site and its classes, in start-date order with their start days beside them, so a ranking looks only
     * at the classes starting inside its window (the index keeps one per site and remakes it on a change).
     */
    public record SiteClasses(Site site, List<Cohort> classes, int[] startDays) {

        static final Comparator<Cohort> BY_START =
                Comparator.comparing(Cohort::startDate).thenComparing(Cohort::classId);

        public SiteClasses(Site site, Collection<Cohort> classes) {
            this(site, classes.stream().sorted(BY_START).toList(), null);
        }

        public SiteClasses {
            if (startDays == null) {
                startDays = classes.stream()
                        .mapToInt(c -> (int) c.startDate().toEpochDay())
                        .toArray();
            }
        }

        /** The index of the first class starting on or after {@code day}. */
        int firstFrom(LocalDate day) {
            int wanted = (int) day.toEpochDay();
            int low = 0;
            int high = startDays.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (startDays[middle] < wanted) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    private record Fit(Site site, Cohort cohort, long distanceMetres, boolean funded, int startDay) {}

    static final Comparator<Fit> ORDER = Comparator.comparing((Fit f) -> !f.funded())
            .thenComparing(f -> f.cohort().startDate())
            .thenComparingLong(Fit::distanceMetres)
            .thenComparing(f -> f.cohort().classId());

    /** Whether a class would rank before {@code kept}: ORDER, without making a Fit to compare. */
    static boolean before(boolean funded, Cohort cohort, long distance, Fit kept) {
        if (funded != kept.funded()) {
            return funded;
        }
        int byStart = cohort.startDate().compareTo(kept.cohort().startDate());
        if (byStart != 0) {
            return byStart < 0;
        }
        if (distance != kept.distanceMetres()) {
            return distance < kept.distanceMetres();
        }
        return cohort.classId().compareTo(kept.cohort().classId()) < 0;
    }

    public static RankingOutcome rank(Query query, Iterable<SiteClasses> candidates) {
        Preferences preferences = query.preferences();
        int inRange = 0;
        int meetPreferences = 0;
        int withRoom = 0;
        PriorityQueue<Fit> best = new PriorityQueue<>(query.wanted() + 1, ORDER.reversed());
        int latest = (int) query.latestStart().toEpochDay();
        for (SiteClasses candidate : candidates) {
            Site site = candidate.site();
            if (!site.takesReferralsFor(query.joint())
                    || Math.abs(site.latitude() - query.home().latitude()) * METRES_PER_DEGREE_OF_LATITUDE
                            > query.travelLimitMetres()) {
                continue; // farther north or south alone than the limit: no need to work out the distance
            }
            List<Cohort> classes = candidate.classes();
            int[] startDays = candidate.startDays();
            long distance = -1;
            boolean siteSuits = false;
            for (int i = candidate.firstFrom(query.earliestStart()); i < startDays.length; i++) {
                if (startDays[i] > latest) {
                    break; // in start order: the rest start later still
                }
                if (best.size() == query.wanted()
                        && best.peek().funded()
                        && startDays[i] > best.peek().startDay()) {
                    break; // the kept are funded and sooner: no later class of this site can beat them
                }
                Cohort cohort = classes.get(i);
                if (cohort.status() != ClassStatus.SCHEDULED
                        || !cohort.programmes().contains(query.joint())) {
                    continue;
                }
                if (distance < 0) {
                    distance = Math.round(query.home().metresTo(new Location(site.latitude(), site.longitude())));
                    if (distance > query.travelLimitMetres()) {
                        break;
                    }
                    // what the site offers is checked once, not per class
                    siteSuits = preferences.accepts(site.setting()) && preferences.meetsNeedsOf(site.accessibility());
                }
                inRange++;
                if (!siteSuits || !preferences.suitsTimes(cohort.days(), cohort.startTime(), cohort.endTime())) {
                    continue;
                }
                meetPreferences++;
                if (cohort.freePlaces() <= 0) {
                    continue;
                }
                withRoom++;
                if (query.tried().contains(cohort.classId())) {
                    continue;
                }
                boolean funded = query.coverage()
                        .funds(cohort.providerId(), query.joint(), cohort.startDate(), cohort.sessions());
                if (best.size() == query.wanted() && !before(funded, cohort, distance, best.peek())) {
                    continue; // no better than the worst kept
                }
                best.add(new Fit(site, cohort, distance, funded, startDays[i]));
                if (best.size() > query.wanted()) {
                    best.poll(); // the worst of them
                }
            }
        }
        if (best.isEmpty()) {
            return nothingFits(query, inRange, meetPreferences, withRoom);
        }
        List<Fit> ordered = new ArrayList<>(best);
        ordered.sort(ORDER);
        List<RankedClass> ranked = new ArrayList<>(ordered.size());
        for (Fit fit : ordered) {
            ranked.add(explain(ranked.size() + 1, fit, query));
        }
        return new RankingOutcome.Ranked(List.copyOf(ranked));
    }

    private static RankedClass explain(int rank, Fit fit, Query query) {
        Preferences preferences = query.preferences();
        Cohort cohort = fit.cohort();
        Site site = fit.site();
        List<String> met = new ArrayList<>();
        met.add("within %s km (limit %s km)".formatted(km(fit.distanceMetres()), km(query.travelLimitMetres())));
        if (preferences.settings() != null) {
            met.add("setting " + site.setting());
        }
        if (preferences.availability() != null) {
            List<Preferences.AvailabilityWindow> windows = preferences
                    .windowsFor(cohort.days(), cohort.startTime(), cohort.endTime())
                    .orElseThrow();
            List<String> held = new ArrayList<>();
            for (int i = 0; i < cohort.days().size(); i++) {
                held.add("%s %s-%s within %s"
                        .formatted(cohort.days().get(i), cohort.startTime(), cohort.endTime(), windows.get(i)));
            }
            met.add("times: " + String.join("; ", held));
        }
        if (!preferences.needs().isEmpty()) {
            met.add("needs: "
                    + preferences.needs().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        }
        return new RankedClass(
                rank,
                cohort.classId(),
                site.siteId(),
                site.name(),
                site.providerId(),
                site.providerName(),
                cohort.startDate(),
                cohort.days(),
                cohort.startTime(),
                cohort.sessions(),
                fit.distanceMetres(),
                fit.funded(),
                List.copyOf(met));
    }

    private static RankingOutcome nothingFits(Query query, int inRange, int meetPreferences, int withRoom) {
        String joint = query.joint().name().toLowerCase(Locale.ROOT);
        if (inRange == 0) {
            return new RankingOutcome.NothingFits(
                    "NO_CLASS_IN_RANGE",
                    "No ESCAPE-pain class for the %s starts between %s and %s at an active site within %s km of the person's home district"
                            .formatted(
                                    joint, query.earliestStart(), query.latestStart(), km(query.travelLimitMetres())));
        }
        if (meetPreferences == 0) {
            return new RankingOutcome.NothingFits(
                    "NO_CLASS_MEETS_PREFERENCES",
                    "%d class%s for the %s %s in range, but none meets the person's preferences (settings, days and times, needs)"
                            .formatted(inRange, inRange == 1 ? "" : "es", joint, inRange == 1 ? "is" : "are"));
        }
        if (withRoom == 0) {
            return new RankingOutcome.NothingFits(
                    "NO_CLASS_WITH_ROOM",
                    "%d class%s the person's preferences, but none has a free place"
                            .formatted(meetPreferences, meetPreferences == 1 ? " meets" : "es meet"));
        }
        return new RankingOutcome.NothingFits(
                "REROUTES_EXHAUSTED",
                "Every class that fits (%d) has already been proposed for this referral".formatted(withRoom));
    }

    static String km(long metres) {
        return metres % 1000 == 0 ? Long.toString(metres / 1000) : String.format(Locale.UK, "%.1f", metres / 1000.0);
    }
}
