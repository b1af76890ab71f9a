package uk.nhs.pathways.sitedirectory.cohort.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import uk.nhs.pathways.events.ClassSchedule;

/**
 * The dates of a course: the first session on the start date, then one on every scheduled weekday
 * until all sessions are held. ESCAPE-pain is twice a week for six weeks; a course must fill whole
 * weeks (sessions a multiple of the days per week) and last between {@value #MIN_WEEKS} and
 * {@value #MAX_WEEKS} weeks.
 */
public final class CourseCalendar {

    private static final int MAX_DAYS_PER_WEEK = 3;
    private static final int MIN_WEEKS = 3;
    private static final int MAX_WEEKS = 12;

    private CourseCalendar() {}

    /** Why a schedule does not fit a course of {@code sessions}, or null when it fits. */
    public static String misfit(Collection<DayOfWeek> days, int sessions) {
        int perWeek = EnumSet.copyOf(days).size();
        if (perWeek > MAX_DAYS_PER_WEEK) {
            return "a class meets on at most " + MAX_DAYS_PER_WEEK + " days a week (ESCAPE-pain: 2)";
        }
        if (sessions % perWeek != 0) {
            return sessions + " sessions do not fill whole weeks at " + perWeek + " days a week";
        }
        int weeks = sessions / perWeek;
        if (weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
            return sessions + " sessions at " + perWeek + " days a week take " + weeks + " weeks; a course lasts "
                    + MIN_WEEKS + " to " + MAX_WEEKS + " weeks (ESCAPE-pain: 12 sessions over 6 weeks)";
        }
        return null;
    }

    /** Every session date, first to last; the start date must be one of the days. */
    public static List<LocalDate> sessionDates(LocalDate start, Collection<DayOfWeek> days, int sessions) {
        return ClassSchedule.sessionDates(start, days, sessions);
    }

    public static int weeks(Collection<DayOfWeek> days, int sessions) {
        int perWeek = EnumSet.copyOf(days).size();
        return (sessions + perWeek - 1) / perWeek;
    }

    /** Bit (d - 1) for ISO day d: Monday = 1, Tuesday = 2, ... Sunday = 64. */
    public static short mask(Collection<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= 1 << (day.getValue() - 1);
        }
        return (short) mask;
    }

    public static List<DayOfWeek> days(short mask) {
        List<DayOfWeek> days = new ArrayList<>(3);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & (1 << (day.getValue() - 1))) != 0) {
                days.add(day);
            }
        }
        return days;
    }
}
