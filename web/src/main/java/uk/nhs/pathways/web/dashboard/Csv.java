package uk.nhs.pathways.web.dashboard;

import java.util.List;

/**
 * A dashboard table as CSV (RFC 4180): a header row, then each row with its numbers written exactly as the
 * table shows them. Text is always quoted (a comma, a quote or a line break inside stays in its cell), and
 * a text cell a spreadsheet would run as a formula (starting = + - @, tab or carriage return) gets a
 * leading apostrophe. Numbers are never quoted, so a negative mean change stays a number.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(header));
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            if (cell instanceof Number number) {
                out.append(Format.number(number));
            } else if (cell != null) {
                out.append('"')
                        .append(text(cell.toString()).replace("\"", "\"\""))
                        .append('"');
            }
        }
        out.append("\r\n");
    }

    /** A text cell as a spreadsheet will show it, never as a formula. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
