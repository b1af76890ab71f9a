package uk.nhs.pathways.referral.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** England's working days from the maintained holiday data: the "eng" subdivision, observed dates. */
class WorkingDaysTest {

    final WorkingDays days = new WorkingDays();

    @Test
    void englandsBankHolidaysAreNotWorkingDaysIncludingTheOnesOnlyTheSubdivisionHas() {
        assertThat(days.isWorkingDay(LocalDate.of(2027, 3, 26)))
                .as("Good Friday")
                .isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 3, 29)))
                .as("Easter Monday (England, not UK-wide)")
                .isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 8, 30)))
                .as("Summer bank holiday (England)")
                .isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 28)))
                .as("Boxing Day observed")
                .isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 6, 15)))
                .as("a Scottish-only holiday")
                .isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 3, 30)))
                .as("an ordinary Tuesday")
                .isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 3, 27)))
                .as("a Saturday")
                .isFalse();
    }

    @Test
    void countingWorkingDaysStepsOverWeekendsAndBankHolidays() {
        // Thursday before Easter 2027: Good Friday, the weekend and Easter Monday do not count.
        assertThat(days.plus(LocalDate.of(2027, 3, 25), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(days.plus(LocalDate.of(2027, 3, 25), 5)).isEqualTo(LocalDate.of(2027, 4, 5));
        // An ordinary week: Monday + 5 is the next Monday.
        assertThat(days.plus(LocalDate.of(2027, 4, 12), 5)).isEqualTo(LocalDate.of(2027, 4, 19));
        assertThat(days.plus(LocalDate.of(2027, 4, 12), 0)).isEqualTo(LocalDate.of(2027, 4, 12));
    }
}
