package uk.nhs.pathways.web.dashboard;

import java.math.BigDecimal;

/** How a dashboard figure is written, in its table and in its CSV alike. */
public final class Format {

    /** What a missing figure (nothing to measure) shows in a table; CSV leaves the cell empty. */
    public static final String MISSING = "–";

    private Format() {}

    /** Whole numbers as they are, decimals without trailing zeros (66.7, 9.47, 80), money to the penny. */
    public static String number(Number value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            String plain =
                    BigDecimal.valueOf(value.doubleValue()).stripTrailingZeros().toPlainString();
            return plain.equals("-0") ? "0" : plain;
        }
        return Long.toString(value.longValue());
    }

    public static String cell(Object value) {
        if (value == null) {
            return MISSING;
        }
        return value instanceof Number n ? number(n) : value.toString();
    }
}
