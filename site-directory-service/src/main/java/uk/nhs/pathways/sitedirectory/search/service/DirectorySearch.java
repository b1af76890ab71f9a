package uk.nhs.pathways.sitedirectory.search.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.BoundingBox;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.geo.Postcodes;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.domain.CourseCalendar;
import uk.nhs.pathways.sitedirectory.site.domain.Site;

/**
 * Finds classes and sites near a postcode, nearest first, one page at a time with the exact total.
 *
 * <p>How it stays fast at 10,000 sites and 100,000 classes with plain btrees (see V4 migration and
 * docs/site-directory.md): the database only answers box questions, in index order; the exact
 * distances are computed here, with the same great-circle formula as everywhere else
 * ({@link Location#metresTo}), once per location, never per class.
 * <ol>
 *   <li>Count the matching classes per location inside the box around the circle: one index-only
 *       walk of {@code cohort_near} over the box's longitude cells, grouped as the index hands the rows
 *       out. A location outside the circle is dropped; the rest, by distance, give the total.</li>
 *   <li>Read the few rows of the locations the page falls on, order them (distance, start date, start
 *       time, id) and cut the page.</li>
 *   <li>Load the page's classes.</li>
 * </ol>
 */
@ApplicationScoped
public class DirectorySearch {

    /** Width of a longitude cell in degrees: the generated {@code lon_cell} columns are floor(longitude * 10). */
    private static final double CELLS_PER_DEGREE = 10;

    /** Plain JDBC for the box questions: fixed statement texts (arrays, not IN lists), so the driver and the
     *  server reuse prepared statements and plans. Entities are loaded through Hibernate as usual. */
    @Inject
    AgroalDataSource dataSource;

    @Inject
    Postcodes postcodes;

    /** Which classes: every field optional except status (SCHEDULED by default) and startFrom (today). */
    public record ClassFilter(
            Joint programme,
            DayOfWeek day,
            LocalDate startFrom,
            LocalDate startTo,
            int minFreePlaces,
            ClassStatus status) {}

    /**
     * Which sites. {@code classes}, when set, keeps only sites with at least one such class.
     *
     * @param statuses site statuses to include (never empty)
     * @param text     words the site's name contains, case-insensitive
     */
    public record SiteFilter(
            Set<SiteStatus> statuses,
            Joint programme,
            Setting setting,
            ProviderType providerType,
            String providerId,
            String text,
            ClassFilter classes) {}

    /** One result with its distance from the origin in metres (null when the search had no origin). */
    public record Hit<T>(T item, Long metres) {}

    public record Page<T>(List<Hit<T>> items, long total) {}

    /**
     * Classes at ACTIVE sites within {@code withinMetres} of the postcode, nearest first, then soonest.
     *
     * @param setting      of the class's site, or null
     * @param providerType of the class's site's provider, or null
     */
    public Page<Cohort> classes(
            String postcode,
            long withinMetres,
            Setting setting,
            ProviderType providerType,
            ClassFilter filter,
            int offset,
            int limit) {
        Location origin = locate(postcode);
        Box box = Box.around(origin, withinMetres);

        // 1. matches per location in the box, in index order; exact distances here
        Sql count = new Sql("select c.latitude, c.longitude, count(*) from cohort c where ");
        box.restrict(count, "c");
        classConditions(count, "c", filter, setting, providerType, true);
        count.append(" group by c.lon_cell, c.latitude, c.longitude");
        TreeMap<Double, Long> perDistance = new TreeMap<>();
        Map<Location, Double> distances = new HashMap<>();
        for (Object[] row : rows(count)) {
            Location at = new Location(((Number) row[0]).doubleValue(), ((Number) row[1]).doubleValue());
            double metres = origin.metresTo(at);
            if (metres <= withinMetres) {
                distances.put(at, metres);
                perDistance.merge(metres, ((Number) row[2]).longValue(), Long::sum);
            }
        }
        long total = perDistance.values().stream().mapToLong(Long::longValue).sum();

        // 2. the distances (so the locations) the page falls on, and how much of the first to skip
        Set<Double> onPage = new HashSet<>();
        long before = 0;
        long skip = 0;
        for (Map.Entry<Double, Long> group : perDistance.entrySet()) {
            long after = before + group.getValue();
            if (after > offset && before < (long) offset + limit) {
                if (onPage.isEmpty()) {
                    skip = offset - before;
                }
                onPage.add(group.getKey());
            }
            before = after;
        }
        if (onPage.isEmpty()) {
            return new Page<>(List.of(), total);
        }
        List<Location> locations = distances.entrySet().stream()
                .filter(e -> onPage.contains(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        Sql pick = new Sql("select c.id, c.latitude, c.longitude, c.start_date, c.start_time from cohort c where ");
        pick.append(
                "c.lon_cell = any(?) and c.latitude = any(?) and c.longitude = any(?)",
                new SqlArray(
                        "int4",
                        locations.stream()
                                .map(l -> cell(l.longitude()))
                                .distinct()
                                .toArray()),
                new SqlArray(
                        "float8",
                        locations.stream().map(Location::latitude).distinct().toArray()),
                new SqlArray(
                        "float8",
                        locations.stream().map(Location::longitude).distinct().toArray()));
        classConditions(pick, "c", filter, setting, providerType, true);
        record Row(String id, double metres, LocalDate start, LocalTime time) {}
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(pick)) {
            Double metres = distances.get(new Location(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()));
            if (metres != null && onPage.contains(metres)) {
                rows.add(new Row((String) r[0], metres, toDate(r[3]), toTime(r[4])));
            }
        }
        Map<String, Long> page = new LinkedHashMap<>();
        rows.stream()
                .sorted(Comparator.comparingDouble(Row::metres)
                        .thenComparing(Row::start)
                        .thenComparing(Row::time)
                        .thenComparing(Row::id))
                .skip(skip)
                .limit(limit)
                .forEach(r -> page.put(r.id(), Math.round(r.metres())));

        // 3. the page's classes
        return new Page<>(
                load(
                        page,
                        ids -> Cohort.<Cohort>find(
                                        "select c from Cohort c join fetch c.site s join fetch s.provider where c.id in ?1",
                                        ids)
                                .withHint(HibernateHints.HINT_READ_ONLY, true)
                                .list(),
                        c -> c.id),
                total);
    }

    /**
     * Sites matching the filter; with a postcode, nearest first and within {@code withinMetres} of it (any
     * distance when null); without one, by name.
     */
    public Page<Site> sites(String postcode, Long withinMetres, SiteFilter filter, int offset, int limit) {
        Location origin = postcode == null ? null : locate(postcode);
        Sql sql = new Sql("select s.id, s.latitude, s.longitude" + (origin == null ? ", count(*) over ()" : "")
                + " from site s where ");
        if (origin != null && withinMetres != null) {
            Box.around(origin, withinMetres).restrict(sql, "s");
            sql.append(" and ");
        }
        sql.append("s.status in (" + literals(filter.statuses()) + ")");
        if (filter.setting() != null) {
            sql.append(" and s.setting = ?", filter.setting().name());
        }
        if (filter.providerType() != null) {
            sql.append(
                    " and s.provider_id in (select p.id from provider p where p.type = ?)",
                    filter.providerType().name());
        }
        if (filter.programme() != null) {
            sql.append(
                    " and position(? in s.programmes) > 0", filter.programme().name());
        }
        if (filter.providerId() != null) {
            sql.append(" and s.provider_id = ?", filter.providerId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(
                    " and position(lower(?) in lower(s.name)) > 0",
                    filter.text().trim());
        }
        if (filter.classes() != null) {
            sql.append(" and s.id in (select c.site_id from cohort c where ");
            if (origin != null && withinMetres != null) {
                Box.around(origin, withinMetres).restrict(sql, "c");
            } else {
                sql.append("true");
            }
            classConditions(
                    sql, "c", filter.classes(), null, null, filter.statuses().equals(Set.of(SiteStatus.ACTIVE)));
            sql.append(")");
        }
        if (origin == null) {
            // by name, one page straight from the database
            Sql all = sql.copy();
            sql.append(" order by s.name, s.id limit ? offset ?", limit, offset);
            List<Object[]> rows = rows(sql);
            long total = !rows.isEmpty()
                    ? ((Number) rows.getFirst()[3]).longValue()
                    : offset == 0
                            ? 0
                            : rows(all.append(" limit 1")).stream()
                                    .mapToLong(r -> ((Number) r[3]).longValue())
                                    .findFirst()
                                    .orElse(0);
            Map<String, Long> page = new LinkedHashMap<>();
            rows.forEach(r -> page.put((String) r[0], null));
            return new Page<>(load(page, this::sitesById, s -> s.id), total);
        }
        record Row(String id, double metres) {}
        List<Row> rows = new ArrayList<>();
        for (Object[] r : rows(sql)) {
            double metres = origin.metresTo(new Location(((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue()));
            if (withinMetres == null || metres <= withinMetres) {
                rows.add(new Row((String) r[0], metres));
            }
        }
        Map<String, Long> page = new LinkedHashMap<>();
        rows.stream()
                .sorted(Comparator.comparingDouble(Row::metres).thenComparing(Row::id))
                .skip(offset)
                .limit(limit)
                .forEach(r -> page.put(r.id(), Math.round(r.metres())));
        return new Page<>(load(page, this::sitesById, s -> s.id), rows.size());
    }

    private List<Site> sitesById(List<String> ids) {
        return Site.<Site>find("select s from Site s join fetch s.provider where s.id in ?1", ids)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    private Location locate(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            throw ProblemException.badField("postcode", "is required");
        }
        if (Postcodes.normalise(postcode).isEmpty()) {
            throw ProblemException.badField("postcode", "is not a well-formed UK postcode");
        }
        return postcodes
                .locate(postcode)
                .orElseThrow(() -> ProblemException.badField("postcode", "is not in a known postcode district"));
    }

    /**
     * The class conditions after a box condition. Statuses are literals (from the enums), so the planner
     * always sees that a search for SCHEDULED classes at ACTIVE sites may use the partial index
     * {@code cohort_near}; a bound parameter would hide that from a generic plan.
     */
    private static void classConditions(
            Sql sql, String c, ClassFilter f, Setting setting, ProviderType providerType, boolean activeSitesOnly) {
        ClassStatus status = f.status() == null ? ClassStatus.SCHEDULED : f.status();
        sql.append(" and " + c + ".status = " + literal(status));
        if (activeSitesOnly) {
            sql.append(" and " + c + ".site_status = " + literal(SiteStatus.ACTIVE));
        }
        if (setting != null) {
            sql.append(" and " + c + ".site_setting = ?", setting.name());
        }
        if (providerType != null) {
            sql.append(" and " + c + ".provider_type = ?", providerType.name());
        }
        if (f.startFrom() != null) {
            sql.append(" and " + c + ".start_date >= ?", f.startFrom());
        }
        if (f.startTo() != null) {
            sql.append(" and " + c + ".start_date <= ?", f.startTo());
        }
        if (f.day() != null) {
            sql.append(" and (" + c + ".day_mask & ?) <> 0", (short) CourseCalendar.mask(List.of(f.day())));
        }
        if (f.programme() != null) {
            sql.append(
                    " and position(? in " + c + ".programmes) > 0",
                    f.programme().name());
        }
        if (f.minFreePlaces() > 0) {
            sql.append(" and " + c + ".capacity - " + c + ".places_taken >= ?", f.minFreePlaces());
        }
    }

    private static <T> List<Hit<T>> load(
            Map<String, Long> page, Function<List<String>, List<T>> load, Function<T, String> idOf) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, T> loaded =
                load.apply(List.copyOf(page.keySet())).stream().collect(Collectors.toMap(idOf, Function.identity()));
        List<Hit<T>> hits = new ArrayList<>(page.size());
        page.forEach((id, metres) -> {
            T item = loaded.get(id);
            if (item != null) { // deleted in between: left out
                hits.add(new Hit<>(item, metres));
            }
        });
        return hits;
    }

    /** An enum constant as an SQL literal: safe to inline, as its name is ours. */
    private static String literal(Enum<?> value) {
        return "'" + value.name() + "'";
    }

    private static String literals(Set<SiteStatus> statuses) {
        return statuses.stream().map(DirectorySearch::literal).sorted().collect(Collectors.joining(", "));
    }

    static int cell(double longitude) {
        return (int) Math.floor(longitude * CELLS_PER_DEGREE);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static LocalTime toTime(Object value) {
        return value instanceof Time t ? t.toLocalTime() : (LocalTime) value;
    }

    /** The box around a circle, as the longitude cells it spans and its bounds. */
    record Box(BoundingBox bounds) {

        static Box around(Location origin, long metres) {
            return new Box(BoundingBox.around(origin, metres));
        }

        void restrict(Sql sql, String alias) {
            List<Integer> cells = new ArrayList<>();
            for (int cell = cell(bounds.minLongitude()); cell <= cell(bounds.maxLongitude()); cell++) {
                cells.add(cell);
            }
            sql.append(
                    alias + ".lon_cell = any(?) and " + alias + ".latitude between ? and ? and " + alias
                            + ".longitude between ? and ?",
                    new SqlArray("int4", cells.toArray()),
                    bounds.minLatitude(),
                    bounds.maxLatitude(),
                    bounds.minLongitude(),
                    bounds.maxLongitude());
        }
    }

    /** Runs a statement; rows as arrays of column values. */
    private List<Object[]> rows(Sql sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.text.toString())) {
            for (int i = 0; i < sql.params.size(); i++) {
                Object value = sql.params.get(i);
                statement.setObject(
                        i + 1, value instanceof SqlArray a ? connection.createArrayOf(a.type(), a.values()) : value);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("directory search failed", e);
        }
    }

    /** An SQL array parameter ({@code = any(?)}): one statement text whatever the number of values. */
    record SqlArray(String type, Object[] values) {}

    /** A statement under construction with its positional parameters. */
    static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String start) {
            text = new StringBuilder(start);
        }

        /** Appends SQL with one value per {@code ?} in it. */
        Sql append(String sql, Object... values) {
            text.append(sql);
            params.addAll(List.of(values));
            return this;
        }

        Sql copy() {
            Sql copy = new Sql(text.toString());
            copy.params.addAll(params);
            return copy;
        }
    }
}
