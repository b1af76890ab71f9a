package uk.nhs.pathways.referral.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days in England: Monday to Friday except England's bank holidays, as the maintained Jollyday
 * data has them (observed dates, so a substitute day counts as the holiday). Its data changes only with a
 * new library release: bump the dependency when a one-off bank holiday is announced.
 */
@ApplicationScoped
public class WorkingDays {

    /** England's subdivision of the UK calendar. A wrong id is not an error: it silently gives the UK core. */
    static final String ENGLAND = "eng";

    private final HolidayManager holidays =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.isHoliday(date, ENGLAND);
    }

    /** The date that is {@code days} working days after {@code date} (not counting {@code date} itself). */
    public LocalDate plus(LocalDate date, int days) {
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
