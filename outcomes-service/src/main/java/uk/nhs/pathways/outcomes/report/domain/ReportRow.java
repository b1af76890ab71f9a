package uk.nhs.pathways.outcomes.report.domain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of a report table: labels saying what it is about, counts of people, figures derived from
 * those counts, and the counts the table does not print but a reader could work out (complements).
 * Rows form a hierarchy (a parent's counts are the sum of its children's and of what no child row
 * shows), which is what {@link #suppressSmallNumbers} protects.
 */
public final class ReportRow {

    private final Map<String, Object> labels = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> hidden = new LinkedHashMap<>();
    private final Map<String, Number> derived = new LinkedHashMap<>();
    private final Map<String, List<String>> dependencies = new HashMap<>();
    private final List<List<String>> equations = new ArrayList<>();
    private final Set<String> suppressed = new TreeSet<>();
    private final ReportRow parent;
    private final List<ReportRow> children = new ArrayList<>();

    public ReportRow(ReportRow parent) {
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    public ReportRow label(String name, Object value) {
        labels.put(name, value);
        return this;
    }

    public Object label(String name) {
        return labels.get(name);
    }

    /** A count of people, shown. */
    public ReportRow count(String name, long value) {
        counts.put(name, value);
        return this;
    }

    public ReportRow add(String name, long value) {
        counts.merge(name, value, Long::sum);
        return this;
    }

    public long count(String name) {
        Long value = counts.get(name);
        return value == null ? 0 : value;
    }

    /** A count the table does not print but a reader could work out from others (a complement). */
    public ReportRow hidden(String name, long value) {
        hidden.put(name, value);
        return this;
    }

    /** A figure computed from counts (a rate, a mean, a median): withheld if any of those counts is. */
    public ReportRow derived(String name, Number value, String... from) {
        derived.put(name, value);
        dependencies.put(name, List.of(from));
        return this;
    }

    /** Counts (shown or hidden) tied by one sum: a total and its parts. */
    public ReportRow equation(String... names) {
        equations.add(List.of(names));
        return this;
    }

    @JsonIgnore
    public ReportRow parent() {
        return parent;
    }

    /** Labels, counts and derived figures in order, for JSON; suppressed ones are null. */
    @JsonAnyGetter
    public Map<String, Object> cells() {
        Map<String, Object> cells = new LinkedHashMap<>(labels);
        cells.putAll(counts);
        cells.putAll(derived);
        return cells;
    }

    /** The names of this row's cells withheld by small-number suppression. */
    @JsonProperty("suppressed")
    public Set<String> suppressed() {
        return suppressed;
    }

    /**
     * Suppresses small counts in a table of rows (primary) and enough others (secondary) that none can be
     * worked out from totals, parts or complements; then withholds the figures derived from any of them.
     */
    public static void suppressSmallNumbers(List<ReportRow> rows) {
        DisclosureControl control = new DisclosureControl();
        Map<ReportRow, Map<String, Integer>> ids = new IdentityHashMap<>();
        for (ReportRow row : rows) {
            Map<String, Integer> cells = new HashMap<>();
            row.counts.forEach((name, value) -> cells.put(name, control.cell(value, true)));
            row.hidden.forEach((name, value) -> cells.put(name, control.cell(value, false)));
            ids.put(row, cells);
        }
        for (ReportRow row : rows) {
            Map<String, Integer> cells = ids.get(row);
            for (List<String> equation : row.equations) {
                control.equation(equation.stream().mapToInt(cells::get).toArray());
            }
            if (row.children.isEmpty()) {
                continue;
            }
            Set<String> names = new TreeSet<>(row.counts.keySet());
            names.addAll(row.hidden.keySet());
            for (String name : names) {
                List<Integer> sum = new ArrayList<>();
                sum.add(cells.get(name));
                long rest = row.counts.containsKey(name) ? row.counts.get(name) : row.hidden.get(name);
                for (ReportRow child : row.children) {
                    Integer id = ids.containsKey(child) ? ids.get(child).get(name) : null;
                    if (id != null) {
                        sum.add(id);
                        rest -= child.counts.containsKey(name) ? child.counts.get(name) : child.hidden.get(name);
                    }
                }
                if (rest != 0) {
                    sum.add(control.cell(rest, false)); // what no child row shows (e.g. referrals without a site)
                }
                control.equation(sum.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        BitSet withheld = control.suppress();
        for (ReportRow row : rows) {
            Map<String, Integer> cells = ids.get(row);
            for (String name : new ArrayList<>(row.counts.keySet())) {
                if (withheld.get(cells.get(name))) {
                    row.counts.put(name, null);
                    row.suppressed.add(name);
                }
            }
            row.dependencies.forEach((name, from) -> {
                if (from.stream().anyMatch(row.suppressed::contains)) {
                    row.derived.put(name, null);
                    row.suppressed.add(name);
                }
            });
        }
    }
}
