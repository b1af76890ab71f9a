package uk.nhs.pathways.referral.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Setting;

/**
 * What the person will accept: the settings (null: any), when they can attend (null: any time), how far
 * they will travel (null: the configured default) and what the site must offer them.
 */
public record Preferences(
        Set<Setting> settings,
        List<AvailabilityWindow> availability,
        Integer maxTravelMetres,
        Set<AccessibilityFeature> needs) {

    public static final Preferences NONE = new Preferences(null, null, null, Set.of());

    /** A weekday and a time of day the person can be at a class from and until. */
    public record AvailabilityWindow(DayOfWeek day, LocalTime from, LocalTime to) {

        boolean holds(LocalTime start, LocalTime end) {
            return !start.isBefore(from) && !end.isAfter(to);
        }

        @Override
        public String toString() {
            return day + " " + from + "-" + to;
        }

        static AvailabilityWindow parse(String text) {
            String[] dayAndTimes = text.trim().split(" ");
            String[] times = dayAndTimes[1].split("-");
            return new AvailabilityWindow(
                    DayOfWeek.valueOf(dayAndTimes[0]), LocalTime.parse(times[0]), LocalTime.parse(times[1]));
        }
    }

    public Preferences {
        settings = settings == null ? null : Set.copyOf(settings);
        availability = availability == null ? null : List.copyOf(availability);
        needs = needs == null ? Set.of() : Set.copyOf(needs);
    }

    public boolean accepts(Setting setting) {
        return settings == null || settings.contains(setting);
    }

    /**
     * The windows that hold every session of a class meeting on these days at this time, one per day;
     * empty when some day has none (null availability: any time suits).
     */
    public Optional<List<AvailabilityWindow>> windowsFor(Collection<DayOfWeek> days, LocalTime start, LocalTime end) {
        if (availability == null) {
            return Optional.of(List.of());
        }
        if (end.isBefore(start)) {
            return Optional.empty(); // runs past midnight
        }
        List<AvailabilityWindow> held = new ArrayList<>(days.size());
        for (DayOfWeek day : days) {
            AvailabilityWindow found = windowHolding(day, start, end);
            if (found == null) {
                return Optional.empty();
            }
            held.add(found);
        }
        return Optional.of(held);
    }

    /** Whether every session fits a window the person can attend: {@link #windowsFor}, without the windows. */
    public boolean suitsTimes(Collection<DayOfWeek> days, LocalTime start, LocalTime end) {
        if (availability == null) {
            return true;
        }
        if (end.isBefore(start)) {
            return false;
        }
        for (DayOfWeek day : days) {
            if (windowHolding(day, start, end) == null) {
                return false;
            }
        }
        return true;
    }

    private AvailabilityWindow windowHolding(DayOfWeek day, LocalTime start, LocalTime end) {
        for (AvailabilityWindow window : availability) {
            if (window.day() == day && window.holds(start, end)) {
                return window;
            }
        }
        return null;
    }

    public boolean meetsNeedsOf(Set<AccessibilityFeature> offered) {
        return offered.containsAll(needs);
    }

    /** The travel limit that applies: the person's, or the default. */
    public long travelLimit(long defaultMetres) {
        return maxTravelMetres != null ? maxTravelMetres : defaultMetres;
    }

    // ---- how the referral's columns hold it ----

    public String settingsColumn() {
        return settings == null ? null : names(settings);
    }

    public String availabilityColumn() {
        return availability == null
                ? null
                : availability.stream().map(AvailabilityWindow::toString).collect(Collectors.joining(","));
    }

    public String needsColumn() {
        return needs.isEmpty() ? null : names(needs);
    }

    public static Preferences fromColumns(String settings, String availability, Integer maxTravelMetres, String needs) {
        return new Preferences(
                settings == null ? null : parse(settings, Setting.class),
                availability == null
                        ? null
                        : availability.isBlank()
                                ? List.of()
                                : java.util.Arrays.stream(availability.split(","))
                                        .map(AvailabilityWindow::parse)
                                        .toList(),
                maxTravelMetres,
                needs == null ? Set.of() : parse(needs, AccessibilityFeature.class));
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parse(String joined, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : joined.split(",")) {
            if (!name.isBlank()) {
                values.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return values;
    }
}
