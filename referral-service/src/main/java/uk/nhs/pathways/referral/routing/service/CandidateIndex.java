package uk.nhs.pathways.referral.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGStatement;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.geo.BoundingBox;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.referral.coverage.domain.Coverage;
import uk.nhs.pathways.referral.routing.domain.Ranking;

/**
 * Each replica's in-memory index of the copies, for ranking: sites on a grid of about 11 km, each with
 * its SCHEDULED classes, and each commissioner's funding coverage. The copies in PostgreSQL stay the truth; before every ranking the index
 * reads the rows written since it last looked ({@link #catchUp}), so a ranking sees every change committed
 * before it started, whichever replica's consumer wrote it.
 *
 * <p>How it misses nothing: every copy row carries the id of the transaction that last wrote it (a
 * trigger), and the index keeps the snapshot of its last look: the first transaction id not yet started
 * then ({@code pg_snapshot_xmax}) and those still running ({@code pg_snapshot_xip}). Every other
 * transaction had finished, so its rows were read; a row written later carries one of those ids and is
 * read next time. (Not {@code pg_snapshot_xmin}: one long transaction anywhere in the cluster would hold
 * it back and make every look read everything written since.)
 */
@ApplicationScoped
public class CandidateIndex {

    private static final Logger LOG = Logger.getLogger(CandidateIndex.class);

    /** Grid cells of a tenth of a degree. */
    static final double CELLS_PER_DEGREE = 10.0;

    @Inject
    EntityManager entityManager;

    private final Map<String, Ranking.Site> sites = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Ranking.Cohort>> classesBySite = new ConcurrentHashMap<>();
    private final Map<String, String> siteOfClass = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> siteIdsByCell = new ConcurrentHashMap<>();

    /**
     * What rankings read: per grid cell, the views of its sites that have classes, in arrays replaced whole
     * (never changed in place) when one of them changes, so a scan walks arrays without a lookup per site.
     * Remade at the end of each catch-up, before the ranking that asked for it reads them.
     */
    private final Map<Long, Ranking.GridCell> viewsByCell = new ConcurrentHashMap<>();

    /** Each site's view (only read and written under the catch-up's lock), and what changed since the last. */
    private final Map<String, Ranking.SiteClasses> viewOfSite = new HashMap<>();

    private final Set<String> changedSites = new HashSet<>();
    private final Set<Long> changedCells = new HashSet<>();

    /** Each commissioner's cover, by coverage key, and the Coverage ranking asks (rebuilt when it changes). */
    private final Map<String, Map<String, List<Coverage.Cover>>> coversByIcb = new ConcurrentHashMap<>();

    private final Map<String, String> icbOfCoverage = new ConcurrentHashMap<>();
    private final Map<String, Coverage> coverageByIcb = new ConcurrentHashMap<>();

    /** Where the last look stood; null until the first full load. */
    private Since seen;

    /** Brings the index up to date with every committed change of the copies. */
    @Transactional
    public synchronized void catchUp() {
        entityManager.unwrap(Session.class).doWork(this::catchUp);
    }

    /** The grid cells around a point, with their sites and classes: a superset of the sites within {@code metres}. */
    public List<Ranking.GridCell> near(Location home, long metres) {
        BoundingBox box = BoundingBox.around(home, metres);
        long minRow = cell(box.minLatitude());
        long maxRow = cell(box.maxLatitude());
        long minColumn = cell(box.minLongitude());
        long maxColumn = cell(box.maxLongitude());
        List<Ranking.GridCell> found = new ArrayList<>();
        for (long row = minRow; row <= maxRow; row++) {
            for (long column = minColumn; column <= maxColumn; column++) {
                Ranking.GridCell cell = viewsByCell.get(key(row, column));
                if (cell != null) {
                    found.add(cell);
                }
            }
        }
        return found;
    }

    /** Notes a change of a site or its classes: its view and its cell are remade at the end of the catch-up. */
    private void changed(String siteId) {
        changedSites.add(siteId);
        Ranking.Site site = sites.get(siteId);
        if (site != null) {
            changedCells.add(cellOf(site.latitude(), site.longitude()));
        }
    }

    /** Remakes the views of the sites that changed, then the arrays of the cells they are (or were) in. */
    private void remakeViews() {
        for (String siteId : changedSites) {
            Ranking.Site site = sites.get(siteId);
            Map<String, Ranking.Cohort> classes = classesBySite.get(siteId);
            if (site == null || classes == null || classes.isEmpty()) {
                viewOfSite.remove(siteId);
            } else {
                viewOfSite.put(siteId, new Ranking.SiteClasses(site, classes.values()));
            }
        }
        changedSites.clear();
        for (Long cell : changedCells) {
            List<Ranking.SiteClasses> views = new ArrayList<>();
            for (String siteId : siteIdsByCell.getOrDefault(cell, Set.of())) {
                Ranking.SiteClasses view = viewOfSite.get(siteId);
                if (view != null) {
                    views.add(view);
                }
            }
            if (views.isEmpty()) {
                viewsByCell.remove(cell);
            } else {
                viewsByCell.put(cell, new Ranking.GridCell(views));
            }
        }
        changedCells.clear();
    }

    /** What a commissioner's contracts cover (none for an unknown or null ICB). */
    public Coverage coverageOf(String icb) {
        if (icb == null) {
            return Coverage.NONE;
        }
        return coverageByIcb.computeIfAbsent(
                icb,
                i -> Coverage.of(coversByIcb.getOrDefault(i, Map.of()).values().stream()
                        .flatMap(List::stream)
                        .toList()));
    }

    /** Classes in the index (SCHEDULED ones), for reports. */
    public int classes() {
        return siteOfClass.size();
    }

    private void catchUp(Connection db) throws SQLException {
        Since since = seen;
        String xmax;
        String running;
        boolean sitesChanged;
        boolean classesChanged;
        boolean removals;
        boolean coverageChanged;
        try (PreparedStatement look = prepare(db, """
                with s as (select pg_current_snapshot() as snapshot)
                select pg_snapshot_xmax(snapshot)::text,
                       array(select x::text from pg_snapshot_xip(snapshot) x order by x)::text,
                       exists (select 1 from directory_site where %1$s),
                       exists (select 1 from directory_class where %1$s),
                       exists (select 1 from directory_removal where %1$s),
                       exists (select 1 from funding_coverage where %1$s)
                from s""".formatted(Since.CHANGED))) {
            for (int i = 0; i < 4; i++) {
                (since == null ? Since.EVERYTHING : since).bind(look, 1 + 2 * i);
            }
            try (ResultSet row = look.executeQuery()) {
                row.next();
                xmax = row.getString(1);
                running = row.getString(2);
                sitesChanged = row.getBoolean(3);
                classesChanged = row.getBoolean(4);
                removals = since != null && row.getBoolean(5);
                coverageChanged = row.getBoolean(6);
            }
        }
        Since from = since == null ? Since.EVERYTHING : since;
        if (coverageChanged) {
            readCoverage(db, from);
        }
        if (sitesChanged) {
            readSites(db, from);
        }
        if (classesChanged) {
            readClasses(db, from, since == null);
        }
        if (removals) {
            readRemovals(db, from);
        }
        remakeViews();
        if (since == null) {
            LOG.infof("Ranking index loaded: %d sites, %d scheduled classes", sites.size(), siteOfClass.size());
        }
        seen = new Since(xmax, running);
    }

    /**
     * A statement PostgreSQL plans for its actual values every time: a generic plan cannot know that
     * {@code changed_xid >= ?} matches only the newest rows, and would scan the whole table.
     */
    static PreparedStatement prepare(Connection db, String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    /**
     * Which rows to read: those written by a transaction that was still running at the last look, or that
     * began after it ({@code xmax} and the in-progress list of that look's snapshot). Every other
     * transaction had finished then, so its rows were read then.
     */
    record Since(String xmax, String running) {

        static final Since EVERYTHING = new Since("0", "{}");

        static final String CHANGED = "(changed_xid >= ?::xid8 or changed_xid = any (?::xid8[]))";

        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, xmax);
            statement.setString(first + 1, running);
        }
    }

    private void readSites(Connection db, Since since) throws SQLException {
        try (PreparedStatement read = prepare(db, """
                select site_id, name, provider_id, provider_name, setting, status, programmes, accessibility,
                       latitude, longitude
                from directory_site where """ + Since.CHANGED)) {
            since.bind(read, 1);
            read.setFetchSize(5_000);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    put(new Ranking.Site(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            Setting.valueOf(row.getString(5)),
                            SiteStatus.valueOf(row.getString(6)),
                            names(row.getString(7), Joint.class),
                            names(row.getString(8), AccessibilityFeature.class),
                            row.getDouble(9),
                            row.getDouble(10)));
                }
            }
        }
    }

    private void readClasses(Connection db, Since since, boolean scheduledOnly) throws SQLException {
        try (PreparedStatement read =
                prepare(db, """
                select class_id, site_id, provider_id, programmes, start_date, days, start_time, duration_minutes,
                       sessions, capacity - places_taken, status
                from directory_class where """ + Since.CHANGED + (scheduledOnly ? " and status = 'SCHEDULED'" : ""))) {
            since.bind(read, 1);
            read.setFetchSize(5_000);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    ClassStatus status = ClassStatus.valueOf(row.getString(11));
                    String classId = row.getString(1);
                    if (status != ClassStatus.SCHEDULED) {
                        removeClass(classId); // only SCHEDULED classes take referrals
                        continue;
                    }
                    List<DayOfWeek> days = new ArrayList<>(names(row.getString(6), DayOfWeek.class));
                    put(new Ranking.Cohort(
                            classId,
                            row.getString(2),
                            row.getString(3),
                            names(row.getString(4), Joint.class),
                            row.getDate(5).toLocalDate(),
                            List.copyOf(days),
                            row.getTime(7).toLocalTime(),
                            row.getInt(8),
                            row.getInt(9),
                            row.getInt(10),
                            status));
                }
            }
        }
    }

    private void readCoverage(Connection db, Since since) throws SQLException {
        try (PreparedStatement read = prepare(db, """
                select coverage_key, commissioner_icb, provider_id, periods
                from funding_coverage where """ + Since.CHANGED)) {
            since.bind(read, 1);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    String key = row.getString(1);
                    String icb = row.getString(2);
                    String provider = row.getString(3);
                    List<Coverage.Cover> covers = Arrays.stream(EventCodec.fromJson(
                                    row.getString(4).getBytes(StandardCharsets.UTF_8), FundingCoverage.Period[].class))
                            .map(p -> new Coverage.Cover(provider, p))
                            .toList();
                    removeCoverage(key);
                    coversByIcb
                            .computeIfAbsent(icb, i -> new ConcurrentHashMap<>())
                            .put(key, covers);
                    icbOfCoverage.put(key, icb);
                    coverageByIcb.remove(icb);
                }
            }
        }
    }

    private void removeCoverage(String key) {
        String icb = icbOfCoverage.remove(key);
        if (icb != null) {
            Map<String, List<Coverage.Cover>> covers = coversByIcb.get(icb);
            if (covers != null) {
                covers.remove(key);
            }
            coverageByIcb.remove(icb);
        }
    }

    /** Removals of copies that are still gone (one re-added since is read as a change instead). */
    private void readRemovals(Connection db, Since since) throws SQLException {
        try (PreparedStatement read = prepare(db, """
                select r.kind, r.copy_id from directory_removal r
                where (r.changed_xid >= ?::xid8 or r.changed_xid = any (?::xid8[]))
                  and not exists (select 1 from directory_site s where r.kind = 'SITE' and s.site_id = r.copy_id)
                  and not exists (select 1 from directory_class c where r.kind = 'CLASS' and c.class_id = r.copy_id)
                  and not exists (select 1 from funding_coverage f
                                  where r.kind = 'COVERAGE' and f.coverage_key = r.copy_id)""")) {
            since.bind(read, 1);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    switch (row.getString(1)) {
                        case "SITE" -> removeSite(row.getString(2));
                        case "CLASS" -> removeClass(row.getString(2));
                        default -> removeCoverage(row.getString(2));
                    }
                }
            }
        }
    }

    private void put(Ranking.Site site) {
        Ranking.Site before = sites.put(site.siteId(), site);
        long cell = cellOf(site.latitude(), site.longitude());
        if (before != null) {
            long was = cellOf(before.latitude(), before.longitude());
            Set<String> old = siteIdsByCell.get(was);
            if (was != cell && old != null) {
                old.remove(site.siteId());
                changedCells.add(was);
            }
        }
        siteIdsByCell.computeIfAbsent(cell, c -> ConcurrentHashMap.newKeySet()).add(site.siteId());
        changed(site.siteId());
    }

    private void put(Ranking.Cohort cohort) {
        String before = siteOfClass.put(cohort.classId(), cohort.siteId());
        Map<String, Ranking.Cohort> old = before == null ? null : classesBySite.get(before);
        if (old != null && !before.equals(cohort.siteId())) {
            old.remove(cohort.classId());
            changed(before);
        }
        classesBySite
                .computeIfAbsent(cohort.siteId(), s -> new ConcurrentHashMap<>())
                .put(cohort.classId(), cohort);
        changed(cohort.siteId());
    }

    private void removeClass(String classId) {
        String siteId = siteOfClass.remove(classId);
        Map<String, Ranking.Cohort> classes = siteId == null ? null : classesBySite.get(siteId);
        if (classes != null) {
            classes.remove(classId);
            changed(siteId);
        }
    }

    private void removeSite(String siteId) {
        Ranking.Site site = sites.remove(siteId);
        if (site != null) {
            long cell = cellOf(site.latitude(), site.longitude());
            Set<String> ids = siteIdsByCell.get(cell);
            if (ids != null) {
                ids.remove(siteId);
            }
            changedCells.add(cell);
        }
        changed(siteId);
    }

    static long cell(double degrees) {
        return (long) Math.floor(degrees * CELLS_PER_DEGREE);
    }

    static long cellOf(double latitude, double longitude) {
        return key(cell(latitude), cell(longitude));
    }

    /** One number per cell; mixed (a bijection) so that neighbouring cells do not share a hash bucket. */
    static long key(long row, long column) {
        return ((row << 32) ^ (column & 0xffffffffL)) * 0x9E3779B97F4A7C15L;
    }

    static <E extends Enum<E>> Set<E> names(String joined, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            Arrays.stream(joined.split(","))
                    .map(n -> Enum.valueOf(type, n.trim()))
                    .forEach(values::add);
        }
        return values;
    }
}
