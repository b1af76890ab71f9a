package uk.nhs.pathways.sitedirectory.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import uk.nhs.pathways.platform.problem.ProblemException;

/**
 * Query parameters read by hand, so a bad value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion of a query parameter with 404).
 */
public final class QueryParams {

    private QueryParams() {}

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a date like 2026-03-14");
        }
    }
}
