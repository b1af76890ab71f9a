package uk.nhs.pathways.sitedirectory.cohort.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.LockOptions;
import org.hibernate.jpa.AvailableHints;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.domain.CourseCalendar;
import uk.nhs.pathways.sitedirectory.service.Locking;
import uk.nhs.pathways.sitedirectory.site.domain.Programmes;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteChange;

/**
 * The rules for classes (the {@link Cohort} entity). Every change, including each place reserved or
 * given back ({@link Places}), is written
 * with the class's full-state event in one transaction, so the classes topic always ends with the class
 * as it is. Nothing is written when a rule fails: every rule is checked before the first write.
 */
@ApplicationScoped
public class Classes {

    private static final int MIN_CAPACITY = 4;
    private static final int MAX_CAPACITY = 20;
    private static final int DEFAULT_DURATION_MINUTES = 60;
    private static final LocalTime EARLIEST_START = LocalTime.of(6, 0);
    private static final LocalTime LATEST_END = LocalTime.of(22, 0);
    /** How far ahead a class may be scheduled. */
    private static final int MAX_DAYS_AHEAD = 366;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** What a class is made of, whoever sends it. Null duration means an hour; null status SCHEDULED. */
    public record ClassDetails(
            String siteId,
            List<Joint> programmes,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            Integer durationMinutes,
            int sessions,
            int capacity,
            FacilitatorType facilitatorType,
            ClassStatus status) {}

    @Transactional
    public Cohort add(ClassDetails details) {
        // Shared lock: the site cannot be retired while a class is being added to it.
        Site site = siteFor(details.siteId());
        ClassStatus status = details.status() == null ? ClassStatus.SCHEDULED : details.status();
        List<Problem.FieldError> errors = check(site, details, status, null);
        if (status != ClassStatus.SCHEDULED) {
            errors.add(new Problem.FieldError("status", "a new class is SCHEDULED"));
        }
        rejectIfAny(errors);
        Cohort cohort = new Cohort();
        cohort.id = UUID.randomUUID().toString();
        cohort.site = site;
        cohort.status = status;
        cohort.placesTaken = 0;
        apply(cohort, details);
        cohort.persist();
        written(cohort);
        return cohort;
    }

    /** Replaces a class's details if nobody changed it since {@code expectedVersion} (else 412). */
    @Transactional
    public Cohort update(String id, long expectedVersion, ClassDetails details) {
        Cohort cohort = lockCurrent(id, expectedVersion);
        if (!cohort.site.id.equals(details.siteId())) {
            throw ProblemException.badField(
                    "siteId", "a class cannot move to another site; cancel it and add a new one");
        }
        ClassStatus status = details.status() == null ? cohort.status : details.status();
        List<Problem.FieldError> errors = check(cohort.site, details, status, cohort);
        rejectIfAny(errors);
        cohort.status = status;
        apply(cohort, details);
        written(cohort);
        return cohort;
    }

    /** Retires a class: CANCELLED, kept in the directory and on the topic as such. */
    @Transactional
    public Cohort cancel(String id, long expectedVersion) {
        Cohort cohort = lockCurrent(id, expectedVersion);
        if (cohort.status == ClassStatus.COMPLETED) {
            throw ProblemException.badField("status", "a completed class cannot be cancelled");
        }
        if (cohort.status != ClassStatus.CANCELLED) {
            cancelled(cohort);
        }
        return cohort;
    }

    /**
     * Deletes a class entered by mistake: gone from the directory, and a tombstone on the classes topic
     * makes every consumer forget it (with the places once reserved and given back in it). A class with
     * places taken is cancelled instead (409), so its bookings stay accounted for.
     */
    @Transactional
    public void delete(String id, long expectedVersion) {
        Cohort cohort = lockCurrent(id, expectedVersion);
        if (cohort.placesTaken > 0) {
            throw ProblemException.conflict("class " + id + " has " + cohort.placesTaken
                    + " places taken; cancel it instead, so its bookings stay accounted for");
        }
        cohort.delete();
        outbox.recordDeletion(EventType.CLASS_UPDATED, id);
    }

    /** A ceasing site cancels every class still to run there, in the site change's transaction. */
    void siteCeasing(@Observes SiteChange.Ceasing ceasing) {
        for (Cohort cohort : toRunAt(ceasing.site().id, LockModeType.PESSIMISTIC_WRITE)) {
            cancelled(cohort);
        }
    }

    /** A site must keep offering the joints its classes still to run cover. */
    void siteProgrammesChanging(@Observes SiteChange.ProgrammesChanging change) {
        EnumSet<Joint> running = EnumSet.noneOf(Joint.class);
        toRunAt(change.site().id, LockModeType.NONE).forEach(c -> running.addAll(c.programmes()));
        if (!change.programmes().containsAll(running)) {
            throw change.refuse("classes still to run at this site cover " + running + "; change or cancel them first");
        }
    }

    /** A site that ever had a class is not deleted: its classes (and their bookings) stay accounted for. */
    void siteDeleting(@Observes SiteChange.Deleting deleting) {
        if (Cohort.count("site.id", deleting.site().id) > 0) {
            throw deleting.refuse();
        }
    }

    public Optional<Cohort> find(String id) {
        return Cohort.findByIdOptional(id);
    }

    /** Every class at a site, soonest first. */
    public List<Cohort> atSite(String siteId) {
        return Cohort.list("site.id = ?1 order by startDate, startTime, id", siteId);
    }

    /** Publishes every class again (full state): lets a new consumer or a repaired topic catch up. */
    @Transactional
    public int republishAll() {
        List<Cohort> all = Cohort.list("order by id");
        all.forEach(this::publish);
        return all.size();
    }

    private List<Cohort> toRunAt(String siteId, LockModeType lock) {
        return Cohort.find(
                        "site.id = ?1 and status in ?2 order by id",
                        siteId,
                        List.of(ClassStatus.SCHEDULED, ClassStatus.RUNNING))
                .withLock(lock)
                .list();
    }

    private static Site siteFor(String siteId) {
        if (siteId == null || siteId.isBlank()) {
            throw ProblemException.badField("siteId", "is required");
        }
        return Site.<Site>findByIdOptional(siteId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> ProblemException.badField("siteId", "is not a known site"));
    }

    private static Cohort lockCurrent(String id, long expectedVersion) {
        return Locking.lockAtVersion(Cohort.class, "class", id, expectedVersion, c -> c.version);
    }

    /** Every rule a class breaks, by field; {@code current} is null for a new class. */
    private List<Problem.FieldError> check(Site site, ClassDetails d, ClassStatus status, Cohort current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (site.status == SiteStatus.CEASED
                && (current == null || status == ClassStatus.SCHEDULED || status == ClassStatus.RUNNING)) {
            errors.add(
                    new Problem.FieldError("siteId", "the site has ceased delivering ESCAPE-pain; it runs no classes"));
        }
        if (current != null && current.status.isFinal() && status != current.status) {
            errors.add(new Problem.FieldError("status", "a " + current.status + " class cannot become " + status));
        }
        List<Joint> programmes = d.programmes() == null ? List.of() : d.programmes();
        if (programmes.isEmpty()) {
            errors.add(new Problem.FieldError("programmes", "name at least one of KNEE, HIP"));
        } else if (!site.programmes().containsAll(programmes)) {
            errors.add(new Problem.FieldError(
                    "programmes",
                    "the site runs the programme for "
                            + site.programmes().stream().map(Enum::name).collect(Collectors.joining(" and "))
                            + " only"));
        }
        if (d.sessions() < 4 || d.sessions() > Programmes.STANDARD_SESSIONS) {
            errors.add(new Problem.FieldError("sessions", "must be between 4 and 12 (12 is the standard course)"));
        }
        if (d.capacity() < MIN_CAPACITY || d.capacity() > MAX_CAPACITY) {
            errors.add(new Problem.FieldError(
                    "capacity",
                    "must be between " + MIN_CAPACITY + " and " + MAX_CAPACITY
                            + " (ESCAPE-pain groups are typically 6-12)"));
        } else if (current != null && d.capacity() < current.placesTaken) {
            errors.add(new Problem.FieldError(
                    "capacity", "must not be below the " + current.placesTaken + " places already taken"));
        }
        if (d.facilitatorType() == null) {
            errors.add(new Problem.FieldError("facilitatorType", "is required"));
        }
        int duration = d.durationMinutes() == null ? DEFAULT_DURATION_MINUTES : d.durationMinutes();
        if (duration < 30 || duration > 120) {
            errors.add(new Problem.FieldError("durationMinutes", "must be between 30 and 120"));
        }
        if (d.startTime() == null) {
            errors.add(new Problem.FieldError("startTime", "is required"));
        } else if (d.startTime().isBefore(EARLIEST_START)
                || d.startTime().plusMinutes(duration).isAfter(LATEST_END)
                || d.startTime().plusMinutes(duration).isBefore(d.startTime())) {
            errors.add(new Problem.FieldError("startTime", "a session runs between 06:00 and 22:00"));
        }
        List<DayOfWeek> days = d.days() == null ? List.of() : d.days();
        String misfit = days.isEmpty()
                ? "name the weekdays the class meets, e.g. TUESDAY, THURSDAY"
                : days.stream().distinct().count() != days.size()
                        ? "names a day twice"
                        : CourseCalendar.misfit(days, d.sessions());
        if (misfit != null) {
            errors.add(new Problem.FieldError("days", misfit));
        }
        LocalDate today = England.today(clock);
        if (d.startDate() == null) {
            errors.add(new Problem.FieldError("startDate", "is required"));
        } else {
            boolean startChanged = current == null || !current.startDate.equals(d.startDate());
            if (startChanged && status == ClassStatus.SCHEDULED && d.startDate().isBefore(today)) {
                errors.add(new Problem.FieldError("startDate", "must not be in the past for a scheduled class"));
            } else if (d.startDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                errors.add(new Problem.FieldError("startDate", "must be within a year"));
            }
            if (!days.isEmpty() && !days.contains(d.startDate().getDayOfWeek())) {
                errors.add(new Problem.FieldError(
                        "startDate",
                        "is a " + d.startDate().getDayOfWeek()
                                + ", not one of the class's days: the first session is on the start date"));
            }
        }
        return errors;
    }

    private static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail =
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, "Invalid request", detail, List.copyOf(errors));
        }
    }

    private void apply(Cohort cohort, ClassDetails d) {
        cohort.programmes(d.programmes());
        cohort.startDate = d.startDate();
        cohort.days(d.days());
        cohort.startTime = d.startTime();
        cohort.durationMinutes = d.durationMinutes() == null ? DEFAULT_DURATION_MINUTES : d.durationMinutes();
        cohort.sessions = d.sessions();
        cohort.endDate = CourseCalendar.sessionDates(d.startDate(), d.days(), d.sessions())
                .getLast();
        cohort.capacity = d.capacity();
        cohort.facilitatorType = d.facilitatorType();
        cohort.updatedAt = now();
    }

    private void cancelled(Cohort cohort) {
        cohort.status = ClassStatus.CANCELLED;
        cohort.updatedAt = now();
        written(cohort);
    }

    /**
     * Moves classes on by their own dates: a SCHEDULED class whose first session is due becomes RUNNING,
     * and a SCHEDULED or RUNNING class past its last session COMPLETED, each publishing its new state.
     * Idempotent (a class already moved is not touched again), and safe with several replicas: rows
     * another transaction holds are skipped and moved on its next run.
     *
     * @return how many classes moved
     */
    @Transactional
    public int advanceByDate(LocalDate today) {
        List<Cohort> due = Cohort.<Cohort>find(
                        "(status = ?1 and startDate <= ?3) or (status in (?1, ?2) and endDate < ?3) order by id",
                        ClassStatus.SCHEDULED,
                        ClassStatus.RUNNING,
                        today)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(AvailableHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                .list();
        for (Cohort cohort : due) {
            cohort.status = today.isAfter(cohort.endDate) ? ClassStatus.COMPLETED : ClassStatus.RUNNING;
            cohort.updatedAt = now();
            written(cohort);
        }
        return due.size();
    }

    /** Writes a changed class (bumping the version its ETag carries) and publishes it. */
    void written(Cohort cohort) {
        Cohort.flush();
        publish(cohort);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The class's full state, as every consumer of the classes topic sees it. */
    public static ClassUpdated event(Cohort c) {
        return new ClassUpdated(
                c.id,
                c.site.id,
                c.site.provider.id,
                c.programmes(),
                c.startDate,
                c.days(),
                c.startTime,
                c.sessions,
                c.capacity,
                c.placesTaken,
                c.facilitatorType,
                c.status,
                c.durationMinutes);
    }

    private void publish(Cohort cohort) {
        outbox.record(EventType.CLASS_UPDATED, cohort.id, event(cohort));
    }
}
