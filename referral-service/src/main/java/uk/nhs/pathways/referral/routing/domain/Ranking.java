package uk.nhs.pathways.referral.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
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
     * A site and its classes, in start-date order with what a ranking checks of each kept beside them in
     * arrays, so a scan reads only the classes starting inside its window and rarely touches a class itself.
     * Immutable: the index makes one per site and remakes it on a change.
     */
    public static final class SiteClasses {

        private final Site site;
        private final Location location;
        private final double latitudeRadians;
        private final double cosLatitude;
        /** Bits of the joints the site takes referrals for (ACTIVE, and runs the programme). */
        private final int takes;

        private final int setting;
        private final int offers;
        private final Cohort[] classes;
        /**
         * In one array, to be read together: each class's start (epoch day), then per joint how many of the
         * classes before each one are SCHEDULED and run it.
         */
        private final int[] startsAndRunning;
        /** Per class: the days it meets (bits), its start and end (nanoseconds of the day). */
        private final long[] times;

        public SiteClasses(Site site, Collection<Cohort> classes) {
            this.site = site;
            this.location = new Location(site.latitude(), site.longitude());
            this.latitudeRadians = Math.toRadians(site.latitude());
            this.cosLatitude = Math.cos(latitudeRadians);
            int takes = 0;
            for (Joint joint : Joint.values()) {
                if (site.takesReferralsFor(joint)) {
                    takes |= bit(joint);
                }
            }
            this.takes = takes;
            this.setting = bit(site.setting());
            this.offers = bits(site.accessibility());
            this.classes = classes.toArray(Cohort[]::new);
            Arrays.sort(this.classes, BY_START);
            int count = this.classes.length;
            startsAndRunning = new int[count + Joint.values().length * (count + 1)];
            times = new long[3 * count];
            for (int i = 0; i < count; i++) {
                Cohort cohort = this.classes[i];
                startsAndRunning[i] = (int) cohort.startDate().toEpochDay();
                times[3 * i] = bits(cohort.days());
                times[3 * i + 1] = cohort.startTime().toNanoOfDay();
                times[3 * i + 2] = cohort.endTime().toNanoOfDay();
                for (Joint joint : Joint.values()) {
                    int before = runningFrom(count, joint.ordinal()) + i;
                    boolean runs = cohort.status() == ClassStatus.SCHEDULED
                            && cohort.programmes().contains(joint);
                    startsAndRunning[before + 1] = startsAndRunning[before] + (runs ? 1 : 0);
                }
            }
        }

        static final Comparator<Cohort> BY_START =
                Comparator.comparing(Cohort::startDate).thenComparing(Cohort::classId);

        public Site site() {
            return site;
        }

        private static int runningFrom(int classes, int joint) {
            return classes + joint * (classes + 1);
        }
    }

    /**
     * The sites of one cell of the index's grid, with what a scan reads of each (which joints it takes, where it
     * is, its classes' starts, joints and times) copied into a few flat arrays, read in a row: a site's own
     * objects are touched only when one of its classes could be kept.
     */
    public static final class GridCell {

        static final int TAKES = 0;
        static final int SETTING = 1;
        static final int OFFERS = 2;
        static final int STARTS_AT = 3;
        static final int TIMES_AT = 4;
        static final int CLASSES = 5;
        static final int FACTS = 6;

        /** Per site: latitude, latitude in radians, its cosine, longitude. */
        private final double[] places;

        /** Per site, FACTS ints: the bits it takes, its setting and offers, where its starts and times are. */
        private final int[] facts;

        /** Each site's {@link SiteClasses#startsAndRunning} and {@link SiteClasses#times}, one after another. */
        private final int[] starts;

        private final long[] times;
        private final SiteClasses[] sites;

        public GridCell(List<SiteClasses> sites) {
            this.sites = sites.toArray(SiteClasses[]::new);
            places = new double[4 * this.sites.length];
            facts = new int[FACTS * this.sites.length];
            int startsLength = 0;
            int timesLength = 0;
            for (SiteClasses site : this.sites) {
                startsLength += site.startsAndRunning.length;
                timesLength += site.times.length;
            }
            starts = new int[startsLength];
            times = new long[timesLength];
            int startsAt = 0;
            int timesAt = 0;
            for (int k = 0; k < this.sites.length; k++) {
                SiteClasses site = this.sites[k];
                places[4 * k] = site.site.latitude();
                places[4 * k + 1] = site.latitudeRadians;
                places[4 * k + 2] = site.cosLatitude;
                places[4 * k + 3] = site.site.longitude();
                int f = FACTS * k;
                facts[f + TAKES] = site.takes;
                facts[f + SETTING] = site.setting;
                facts[f + OFFERS] = site.offers;
                facts[f + STARTS_AT] = startsAt;
                facts[f + TIMES_AT] = timesAt;
                facts[f + CLASSES] = site.classes.length;
                System.arraycopy(site.startsAndRunning, 0, starts, startsAt, site.startsAndRunning.length);
                System.arraycopy(site.times, 0, times, timesAt, site.times.length);
                startsAt += site.startsAndRunning.length;
                timesAt += site.times.length;
            }
        }

        public List<SiteClasses> sites() {
            return List.of(sites);
        }
    }

    static int bit(Enum<?> value) {
        return 1 << value.ordinal();
    }

    static int bits(Collection<? extends Enum<?>> values) {
        int bits = 0;
        for (Enum<?> value : values) {
            bits |= bit(value);
        }
        return bits;
    }

    private record Fit(Site site, Cohort cohort, long distanceMetres, boolean funded, int startDay) {}

    /** Funded first, then the sooner start, then the shorter distance, then the lower class id. */
    static final Comparator<Fit> ORDER = (a, b) -> {
        if (a.funded() != b.funded()) {
            return a.funded() ? -1 : 1;
        }
        if (a.startDay() != b.startDay()) {
            return Integer.compare(a.startDay(), b.startDay());
        }
        if (a.distanceMetres() != b.distanceMetres()) {
            return Long.compare(a.distanceMetres(), b.distanceMetres());
        }
        return a.cohort().classId().compareTo(b.cohort().classId());
    };

    public static RankingOutcome rank(Query query, Iterable<SiteClasses> candidates) {
        Scan scan = new Scan(query);
        for (SiteClasses candidate : candidates) {
            scan.look(candidate);
        }
        return scan.outcome();
    }

    /** {@link #rank}, over the index's grid cells as they are kept, without copying them. */
    public static RankingOutcome rankCells(Query query, List<GridCell> cells) {
        Scan scan = new Scan(query);
        scan.lookInStartOrder(cells);
        return scan.outcome();
    }

    /** One ranking's walk over candidate sites: what it asks of each worked out once, the best kept so far. */
    private static final class Scan {

        private final Query query;
        private final int joint;
        private final int jointBit;
        private final int earliest;
        private final int afterLatest;
        private final int settings;
        private final int needs;
        private final Attendance attendance;
        private final double homeLatitude;
        private final double homeLatitudeRadians;
        private final double homeCos;
        private final double homeLongitude;
        /** Haversine h bounds: at or under surelyWithin, inside the limit; over surelyBeyond, outside it. */
        private final double surelyWithin;

        private final double surelyBeyond;
        private final PriorityQueue<Fit> best;
        private int inRange;
        private int meetPreferences;
        private int withRoom;

        Scan(Query query) {
            this.query = query;
            Preferences preferences = query.preferences();
            joint = query.joint().ordinal();
            jointBit = bit(query.joint());
            earliest = (int) query.earliestStart().toEpochDay();
            afterLatest = (int) query.latestStart().toEpochDay() + 1;
            settings = preferences.settings() == null ? -1 : bits(preferences.settings());
            needs = bits(preferences.needs());
            attendance = Attendance.of(preferences.availability());
            homeLatitude = query.home().latitude();
            homeLatitudeRadians = Math.toRadians(homeLatitude);
            homeCos = Math.cos(homeLatitudeRadians);
            homeLongitude = query.home().longitude();
            surelyWithin = haversineOf(query.travelLimitMetres() - 1.0);
            surelyBeyond = haversineOf(query.travelLimitMetres() + 1.0);
            best = new PriorityQueue<>(query.wanted() + 1, ORDER.reversed());
        }

        /** The h of the haversine formula for a distance (monotonic in it); a metre either side of the limit. */
        private static double haversineOf(double metres) {
            if (metres < 0) {
                return -1;
            }
            double half = metres / (2 * Location.EARTH_RADIUS_METRES);
            if (half >= Math.PI / 2) {
                return Double.POSITIVE_INFINITY; // farther than anywhere on earth
            }
            double sin = Math.sin(half);
            return sin * sin;
        }

        /** Beyond the travel limit; a distance not worked out yet (surely inside the limit). */
        private static final long BEYOND = -2;

        private static final long INSIDE = -1;

        void look(SiteClasses candidate) {
            if ((candidate.takes & jointBit) != 0) {
                long distance = reach(
                        candidate.site.latitude(),
                        candidate.latitudeRadians,
                        candidate.cosLatitude,
                        candidate.site.longitude(),
                        candidate);
                if (distance != BEYOND) {
                    look(
                            candidate,
                            candidate.setting,
                            candidate.offers,
                            candidate.classes.length,
                            candidate.startsAndRunning,
                            0,
                            candidate.times,
                            0,
                            distance);
                }
            }
        }

        /**
         * The cells' sites in range, visited in the order of their first class in the window (a counting sort
         * by day): the kept classes are soon the soonest, so most sites are then passed over at their first
         * class without reading it. The outcome does not depend on the order; only the work does.
         */
        void lookInStartOrder(List<GridCell> cells) {
            int found = 0;
            int[] cellOf = new int[256];
            int[] siteOf = new int[256];
            int[] fromOf = new int[256];
            int[] dayOf = new int[256];
            long[] distanceOf = new long[256];
            for (int c = 0; c < cells.size(); c++) {
                GridCell cell = cells.get(c);
                double[] places = cell.places;
                int[] facts = cell.facts;
                for (int k = 0; k < cell.sites.length; k++) {
                    int f = GridCell.FACTS * k;
                    if ((facts[f + GridCell.TAKES] & jointBit) == 0) {
                        continue;
                    }
                    long distance = reach(
                            places[4 * k], places[4 * k + 1], places[4 * k + 2], places[4 * k + 3], cell.sites[k]);
                    if (distance == BEYOND) {
                        continue;
                    }
                    int at = facts[f + GridCell.STARTS_AT];
                    int count = facts[f + GridCell.CLASSES];
                    int from = firstFrom(cell.starts, at, count, earliest);
                    if (from == count || cell.starts[at + from] >= afterLatest) {
                        continue; // no class in the window
                    }
                    if (found == cellOf.length) {
                        cellOf = Arrays.copyOf(cellOf, 2 * found);
                        siteOf = Arrays.copyOf(siteOf, 2 * found);
                        fromOf = Arrays.copyOf(fromOf, 2 * found);
                        dayOf = Arrays.copyOf(dayOf, 2 * found);
                        distanceOf = Arrays.copyOf(distanceOf, 2 * found);
                    }
                    cellOf[found] = c;
                    siteOf[found] = k;
                    fromOf[found] = from;
                    dayOf[found] = cell.starts[at + from] - earliest;
                    distanceOf[found] = distance;
                    found++;
                }
            }
            int[] firstOfDay = new int[afterLatest - earliest + 1];
            for (int e = 0; e < found; e++) {
                firstOfDay[dayOf[e] + 1]++;
            }
            for (int day = 1; day < firstOfDay.length; day++) {
                firstOfDay[day] += firstOfDay[day - 1];
            }
            int[] inOrder = new int[found];
            for (int e = 0; e < found; e++) {
                inOrder[firstOfDay[dayOf[e]]++] = e;
            }
            for (int e : inOrder) {
                GridCell cell = cells.get(cellOf[e]);
                int f = GridCell.FACTS * siteOf[e];
                int[] facts = cell.facts;
                lookFrom(
                        cell.sites[siteOf[e]],
                        facts[f + GridCell.SETTING],
                        facts[f + GridCell.OFFERS],
                        facts[f + GridCell.CLASSES],
                        cell.starts,
                        facts[f + GridCell.STARTS_AT],
                        cell.times,
                        facts[f + GridCell.TIMES_AT],
                        fromOf[e],
                        distanceOf[e]);
            }
        }

        /**
         * BEYOND the travel limit, or INSIDE it, from the haversine formula's h (monotonic in the distance)
         * without its arcsine; the exact distance only for a site within a metre of the limit.
         */
        private long reach(
                double latitude, double latitudeRadians, double cosLatitude, double longitude, SiteClasses site) {
            if (Math.abs(latitude - homeLatitude) * METRES_PER_DEGREE_OF_LATITUDE > query.travelLimitMetres()) {
                return BEYOND; // farther north or south alone than the limit: no need to work out more
            }
            double sinHalfLatitude = Math.sin((latitudeRadians - homeLatitudeRadians) / 2);
            double sinHalfLongitude = Math.sin(Math.toRadians(longitude - homeLongitude) / 2);
            double h = sinHalfLatitude * sinHalfLatitude + homeCos * cosLatitude * sinHalfLongitude * sinHalfLongitude;
            if (h > surelyBeyond) {
                return BEYOND;
            }
            if (h <= surelyWithin) {
                return INSIDE;
            }
            long distance = distanceTo(site);
            return distance > query.travelLimitMetres() ? BEYOND : distance;
        }

        /**
         * One site in range: its classes' starts and the counts of those running each joint are at {@code at}
         * in {@code starts} (see {@link SiteClasses#startsAndRunning}), their times at {@code timesAt}.
         */
        private void look(
                SiteClasses candidate,
                int setting,
                int offers,
                int count,
                int[] starts,
                int at,
                long[] times,
                int timesAt,
                long knownDistance) {
            int from = firstFrom(starts, at, count, earliest);
            if (from < count) {
                lookFrom(candidate, setting, offers, count, starts, at, times, timesAt, from, knownDistance);
            }
        }

        /** {@link #look(SiteClasses, int, int, int, int[], int, long[], int, long)} from its first class in the window. */
        private void lookFrom(
                SiteClasses candidate,
                int setting,
                int offers,
                int count,
                int[] starts,
                int at,
                long[] times,
                int timesAt,
                int from,
                long knownDistance) {
            int wanted = query.wanted();
            if (best.size() == wanted
                    && best.peek().funded()
                    && starts[at + from] > best.peek().startDay()) {
                return; // the kept are funded and sooner than any class of this site in the window
            }
            int to = firstFrom(starts, at, count, afterLatest);
            int runningAt = at + count + joint * (count + 1);
            int running = starts[runningAt + to] - starts[runningAt + from];
            if (running == 0) {
                return;
            }
            long distance = knownDistance;
            if ((setting & settings) == 0 || (offers & needs) != needs) {
                inRange += running; // in range, but the site does not offer what the person needs
                return;
            }
            Cohort[] classes = candidate.classes;
            for (int i = from; i < to; i++) {
                Fit worst = best.size() == wanted ? best.peek() : null;
                int startDay = starts[at + i];
                if (worst != null && worst.funded() && startDay > worst.startDay()) {
                    break; // the kept are funded and sooner: no later class of this site can beat them
                }
                if (starts[runningAt + i + 1] == starts[runningAt + i]) {
                    continue;
                }
                inRange++;
                int t = timesAt + 3 * i;
                if (!attendance.suits((int) times[t], times[t + 1], times[t + 2])) {
                    continue;
                }
                meetPreferences++;
                Cohort cohort = classes[i];
                if (cohort.freePlaces() <= 0) {
                    continue;
                }
                withRoom++;
                boolean funded = query.coverage()
                        .funds(cohort.providerId(), query.joint(), cohort.startDate(), cohort.sessions());
                if (worst != null) {
                    // no better than the worst kept: ORDER, working out the distance only on a tie before it
                    if (funded != worst.funded()) {
                        if (!funded) {
                            continue;
                        }
                    } else if (startDay != worst.startDay()) {
                        if (startDay > worst.startDay()) {
                            continue;
                        }
                    } else {
                        if (distance < 0) {
                            distance = distanceTo(candidate);
                        }
                        if (distance != worst.distanceMetres()
                                ? distance > worst.distanceMetres()
                                : cohort.classId().compareTo(worst.cohort().classId()) >= 0) {
                            continue;
                        }
                    }
                }
                if (query.tried().contains(cohort.classId())) {
                    continue; // asked last: it counts among those with room, and is rarely good enough to keep
                }
                if (distance < 0) {
                    distance = distanceTo(candidate);
                }
                best.add(new Fit(candidate.site, cohort, distance, funded, startDay));
                if (best.size() > wanted) {
                    best.poll(); // the worst of them
                }
            }
        }

        /** The index of the first of {@code count} classes (starts at {@code at}) starting on or after a day. */
        private static int firstFrom(int[] starts, int at, int count, int day) {
            int low = 0;
            int high = count;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[at + middle] < day) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private long distanceTo(SiteClasses candidate) {
            return Math.round(query.home().metresTo(candidate.location));
        }

        RankingOutcome outcome() {
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
    }

    /**
     * When the person can attend, as times of day per weekday: {@link Preferences#suitsTimes} for a class's
     * meeting days as bits and its times as nanoseconds of the day, without allocating.
     */
    private record Attendance(long[][] from, long[][] until) {

        static final Attendance ANY_TIME = new Attendance(null, null);

        static Attendance of(List<Preferences.AvailabilityWindow> windows) {
            if (windows == null) {
                return ANY_TIME;
            }
            int days = DayOfWeek.values().length;
            long[][] from = new long[days][];
            long[][] until = new long[days][];
            for (DayOfWeek day : DayOfWeek.values()) {
                List<Preferences.AvailabilityWindow> onDay =
                        windows.stream().filter(w -> w.day() == day).toList();
                from[day.ordinal()] =
                        onDay.stream().mapToLong(w -> w.from().toNanoOfDay()).toArray();
                until[day.ordinal()] =
                        onDay.stream().mapToLong(w -> w.to().toNanoOfDay()).toArray();
            }
            return new Attendance(from, until);
        }

        boolean suits(int meetingDays, long start, long end) {
            if (from == null) {
                return true;
            }
            if (end < start) {
                return false; // runs past midnight
            }
            for (int days = meetingDays; days != 0; days &= days - 1) {
                int day = Integer.numberOfTrailingZeros(days);
                if (!holds(from[day], until[day], start, end)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean holds(long[] from, long[] until, long start, long end) {
            for (int i = 0; i < from.length; i++) {
                if (start >= from[i] && end <= until[i]) {
                    return true;
                }
            }
            return false;
        }
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
