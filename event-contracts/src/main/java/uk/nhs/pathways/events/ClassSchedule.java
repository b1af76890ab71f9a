package uk.nhs.pathways.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The session dates a class's schedule produces (from {@link ClassUpdated}): the first session on the
 * start date, then one on every scheduled weekday until all sessions are held. The site directory plans
 * classes by it and the referral service keeps its register by it, so both agree on every date.
 */
public final class ClassSchedule {

    private ClassSchedule() {}

    /** Every session date, first to last; the start date must be one of the days. */
    public static List<LocalDate> sessionDates(LocalDate start, Collection<DayOfWeek> days, int sessions) {
        Set<DayOfWeek> meets = EnumSet.copyOf(days);
        if (!meets.contains(start.getDayOfWeek())) {
            throw new IllegalArgumentException("start date " + start + " is not a " + meets);
        }
        List<LocalDate> dates = new ArrayList<>(sessions);
        for (LocalDate d = start; dates.size() < sessions; d = d.plusDays(1)) {
            if (meets.contains(d.getDayOfWeek())) {
                dates.add(d);
            }
        }
        return dates;
    }
}
