package uk.nhs.pathways.web.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The months a dashboard shows: the last twelve (this month so far included) or an NHS financial year
 * (April to March), never past the current month.
 *
 * @param value the form's value: {@code last-12-months} or {@code fy-2026} (April 2026 to March 2027)
 */
public record Period(String value, String label, YearMonth first, YearMonth last) {

    public static final String LAST_12_MONTHS = "last-12-months";

    /** What the filter offers: the last twelve months, this financial year and the two before. */
    public static List<Period> choices(LocalDate today) {
        List<Period> choices = new ArrayList<>();
        choices.add(lastTwelveMonths(today));
        int year = financialYearOf(today);
        for (int y = year; y > year - 3; y--) {
            choices.add(financialYear(y, today));
        }
        return choices;
    }

    /** The period a form value names; empty if it names none the dashboard offers. */
    public static Optional<Period> parse(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return Optional.of(lastTwelveMonths(today));
        }
        return choices(today).stream().filter(p -> p.value.equals(value.trim())).findFirst();
    }

    static Period lastTwelveMonths(LocalDate today) {
        YearMonth now = YearMonth.from(today);
        return new Period(LAST_12_MONTHS, "Last 12 months", now.minusMonths(11), now);
    }

    static Period financialYear(int year, LocalDate today) {
        YearMonth end = YearMonth.of(year + 1, 3);
        YearMonth now = YearMonth.from(today);
        String label = "Financial year %d to %d".formatted(year, year + 1) + (end.isAfter(now) ? " (so far)" : "");
        return new Period("fy-" + year, label, YearMonth.of(year, 4), end.isAfter(now) ? now : end);
    }

    static int financialYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /** The months, first to last. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The calendar quarters the period touches, as outcomes-service names them ({@code 2026-Q3}). */
    public List<String> quarters() {
        List<String> quarters = new ArrayList<>();
        for (YearMonth m : months()) {
            String quarter = m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
            if (!quarters.contains(quarter)) {
                quarters.add(quarter);
            }
        }
        return quarters;
    }

    public LocalDate lastDay() {
        return last.atEndOfMonth();
    }
}
