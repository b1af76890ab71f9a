package uk.nhs.pathways.contract.terms.domain;

import java.time.LocalDate;
import java.time.Month;

/** The period a contract's volume cap, budget and block amount are counted over: NHS financial periods. */
public enum CapPeriod {
    /** April-June, July-September, October-December, January-March. */
    QUARTER(3),
    /** The NHS financial year, 1 April to 31 March. */
    YEAR(12);

    private final int months;

    CapPeriod(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The period of this kind that holds the day. */
    public Period containing(LocalDate day) {
        // Financial months counted from April: April is 0, March is 11.
        int financialMonth = (day.getMonthValue() - Month.APRIL.getValue() + 12) % 12;
        LocalDate yearStart = LocalDate.of(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, 4, 1);
        LocalDate start = yearStart.plusMonths(financialMonth / months * months);
        return new Period(start, start.plusMonths(months).minusDays(1));
    }
}
