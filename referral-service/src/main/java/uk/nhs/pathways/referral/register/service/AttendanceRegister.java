package uk.nhs.pathways.referral.register.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.ClassSchedule;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.MeasureRecorded;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.platform.outbox.Outbox;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.ReferralConfig;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit.Actor;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.lifecycle.service.ReferralTransitions;
import uk.nhs.pathways.referral.register.domain.Course;
import uk.nhs.pathways.referral.register.domain.CourseRules;
import uk.nhs.pathways.referral.register.domain.MeasureRecord;
import uk.nhs.pathways.referral.register.domain.SessionCancellation;
import uk.nhs.pathways.referral.register.domain.SessionRecord;
import uk.nhs.pathways.referral.register.domain.Tally;

/**
 * The provider's attendance register: records sessions, drop-outs and measures against the referral's
 * course, ends the course by the rules ({@link CourseRules}), and in the same transaction moves the
 * referral (announced by {@link ReferralTransitions}) and records the course's events through the outbox.
 * Every command locks the referral first, so one person's register is written one request at a time.
 */
@ApplicationScoped
public class AttendanceRegister {

    private static final Logger LOG = Logger.getLogger(AttendanceRegister.class);

    /** The register itself, when a rule ends a course. */
    static final Actor SELF = Actor.system("referral-service");

    @Inject
    ReferralTransitions transitions;

    @Inject
    Outbox outbox;

    @Inject
    PatientDataAudit audit;

    @Inject
    ReferralConfig config;

    @Inject
    Clock clock;

    /** The person's register entry for session {@code number}: recorded once; the same answer again changes nothing. */
    @Transactional
    public CourseRegister recordAttendance(UUID id, int number, Attendance attendance, Actor provider) {
        if (attendance == null) {
            throw ProblemException.badField("attendance", "is needed");
        }
        if (attendance == Attendance.SESSION_CANCELLED) {
            throw ProblemException.badField(
                    "attendance",
                    "SESSION_CANCELLED is for the whole class: POST /classes/{classId}/sessions/{n}/cancellation");
        }
        Referral referral = lockedFor(id, provider);
        Course course = courseOf(referral, provider);
        DirectoryClass cohort = classOf(course.classId);
        List<LocalDate> dates = schedule(cohort);
        LocalDate on = sessionDate(dates, number, cohort.classId);
        SessionRecord recorded = SessionRecord.<SessionRecord>find(
                        "courseId = ?1 and sessionNumber = ?2", course.courseId, number)
                .firstResult();
        if (recorded != null) {
            if (recorded.attendance == attendance) {
                return register(referral, course, cohort, dates); // a retry: nothing new
            }
            throw conflictOn(
                    "attendance",
                    "session " + number + " is already recorded as " + recorded.attendance
                            + "; a recorded session is not changed");
        }
        if (course.hasEnded()) {
            throw conflictOn("sessionNumber", "the course ended (" + course.outcome + ") on " + course.endedOn);
        }
        if (on.isAfter(England.today(clock))) {
            throw ProblemException.badField("sessionNumber", "session " + number + " is on " + on + ", not yet held");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (attendance == Attendance.ATTENDED && referral.status == ReferralStatus.BOOKED) {
            course.startedOn = on;
            course.updatedAt = now;
            outbox.record(
                    EventType.COURSE_STARTED,
                    referral.id.toString(),
                    new CourseStarted(
                            referral.id.toString(),
                            course.courseId,
                            course.classId,
                            course.siteId,
                            course.providerId,
                            course.sessionsPlanned,
                            course.reduced,
                            on,
                            now.toInstant()));
            referral.startCourse(now);
            transitions.announce(referral, provider);
        }
        record(referral, course, number, on, attendance, provider.user(), now);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "session " + number + ": " + attendance);
        endIfDue(referral, course, cohort, provider);
        return register(referral, course, cohort, dates);
    }

    /** The person stopped, with a coded reason (the provider's words stay here); final. */
    @Transactional
    public CourseRegister dropOut(UUID id, DropOutReason code, String note, Actor provider) {
        if (code == DropOutReason.CONSECUTIVE_ABSENCES) {
            throw ProblemException.badField(
                    "reasonCode", "CONSECUTIVE_ABSENCES is recorded by the register itself, from the absences");
        }
        Referral referral = lockedFor(id, provider);
        Course course = courseOf(referral, provider);
        DirectoryClass cohort = classOf(course.classId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        referral.dropOut(code, note, now); // checks the move and the reason before anything changes
        Tally tally = tally(course);
        course.end(CourseOutcome.DROPPED_OUT, code, note, tally, England.today(clock), now);
        transitions.announce(referral, provider);
        courseEnded(referral, course, now);
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "dropped out: " + code);
        return register(referral, course, cohort, schedule(cohort));
    }

    /** A measure of the course: one per instrument and timepoint; the same measure again changes nothing. */
    @Transactional
    public CourseRegister recordMeasure(
            UUID id, Instrument instrument, Timepoint timepoint, BigDecimal score, LocalDate takenOn, Actor provider) {
        if (instrument == null) {
            throw ProblemException.badField("instrument", "is needed");
        }
        if (timepoint == null) {
            throw ProblemException.badField("timepoint", "is needed");
        }
        if (score == null) {
            throw ProblemException.badField("score", "is needed");
        }
        if (takenOn == null) {
            throw ProblemException.badField("takenOn", "is needed");
        }
        if (!instrument.inRange(score)) {
            throw ProblemException.badField(
                    "score",
                    "is outside " + instrument + "'s range " + instrument.minimum() + " to " + instrument.maximum());
        }
        if (takenOn.isAfter(England.today(clock))) {
            throw ProblemException.badField("takenOn", "is in the future");
        }
        Referral referral = lockedFor(id, provider);
        Joint wrongJoint =
                instrument == Instrument.KOOS_PS ? Joint.HIP : instrument == Instrument.HOOS_PS ? Joint.KNEE : null;
        if (wrongJoint != null && referral.joint == wrongJoint) {
            throw ProblemException.badField(
                    "instrument",
                    instrument + " does not measure the "
                            + referral.joint.name().toLowerCase(Locale.ROOT) + ": use "
                            + (referral.joint == Joint.KNEE ? Instrument.KOOS_PS : Instrument.HOOS_PS));
        }
        Course course = courseOf(referral, provider);
        DirectoryClass cohort = classOf(course.classId);
        MeasureRecord earlier = MeasureRecord.<MeasureRecord>find(
                        "courseId = ?1 and instrument = ?2 and timepoint = ?3", course.courseId, instrument, timepoint)
                .firstResult();
        if (earlier != null) {
            if (earlier.sameAs(score, takenOn)) {
                return register(referral, course, cohort, schedule(cohort)); // a retry: nothing new
            }
            throw conflictOn(
                    "score",
                    instrument + " at " + timepoint + " is already recorded (" + earlier.score.toPlainString() + " on "
                            + earlier.takenOn + "); a recorded measure is not changed");
        }
        if (timepoint == Timepoint.FOLLOW_UP && !course.hasEnded()) {
            throw conflictOn("timepoint", "FOLLOW_UP is taken after the course, which has not ended");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        MeasureRecord measure = new MeasureRecord();
        measure.courseId = course.courseId;
        measure.instrument = instrument;
        measure.timepoint = timepoint;
        measure.score = score;
        measure.takenOn = takenOn;
        measure.recordedAt = now;
        measure.recordedBy = provider.user();
        measure.persist();
        outbox.record(
                EventType.MEASURE_RECORDED,
                referral.id.toString(),
                new MeasureRecorded(
                        referral.id.toString(),
                        course.courseId,
                        instrument,
                        timepoint,
                        score,
                        takenOn,
                        now.toInstant()));
        audit.record(provider, AuditEvent.Action.UPDATE, referral.id, "measure " + instrument + " " + timepoint);
        return register(referral, course, cohort, schedule(cohort));
    }

    /** The referral's register, read by its provider (audited); empty when it has no course to show. */
    @Transactional
    public CourseRegister read(UUID id, Actor provider) {
        Referral referral = seenBy(id, provider, false);
        Course course = existingCourse(referral)
                .filter(c -> referral.isOnCourse() || c.hasEnded())
                .orElse(null);
        String classId = course != null ? course.classId : referral.isOnCourse() ? referral.classId : null;
        if (classId == null) {
            throw ProblemException.notFound("course of referral " + id);
        }
        DirectoryClass cohort = classOf(classId);
        audit.record(provider, AuditEvent.Action.READ, referral.id, "viewed register");
        return register(referral, course, cohort, schedule(cohort));
    }

    /**
     * Everyone in the provider's class: booked or under way now, or whose course there has ended; by name.
     * 404 for another provider's class (or one this service does not know), exactly as for its referrals.
     * Each person's inclusion is an audited read, since the register names them.
     */
    @Transactional
    public ClassRegister classRegister(String classId, Actor provider) {
        DirectoryClass cohort = DirectoryClass.<DirectoryClass>findByIdOptional(classId)
                .filter(c -> provider.organisation().equals(c.providerId))
                .orElseThrow(() -> ProblemException.notFound("class " + classId));
        List<LocalDate> dates = schedule(cohort);
        List<ClassRegister.Person> people = new ArrayList<>();
        // On a course in the class now (the referral names the class while booked or under way) ...
        for (Referral referral : Referral.<Referral>list(
                "classId = ?1 and providerId = ?2 and status in ?3",
                classId,
                provider.organisation(),
                List.of(ReferralStatus.BOOKED, ReferralStatus.IN_PROGRESS))) {
            people.add(person(referral, existingCourse(referral).orElse(null)));
        }
        // ... or whose course in it has ended (its records stay readable on the register).
        for (Course course : Course.<Course>list(
                "classId = ?1 and providerId = ?2 and outcome is not null", classId, provider.organisation())) {
            Referral referral = Referral.findById(course.referralId);
            if (referral != null
                    && referral.isSeenBy(provider.organisation())
                    && referral.bookingRequestNumber == course.bookingRequestNumber) {
                people.add(person(referral, course));
            }
        }
        people.sort(Comparator.comparing(
                        (ClassRegister.Person p) -> p.referral().patientName == null ? "" : p.referral().patientName)
                .thenComparing(p -> p.referral().id));
        people.forEach(p ->
                audit.record(provider, AuditEvent.Action.READ, p.referral().id, "viewed class register " + classId));
        Set<Integer> cancelled = SessionCancellation.<SessionCancellation>list("classId", classId).stream()
                .map(c -> c.sessionNumber)
                .collect(Collectors.toSet());
        return new ClassRegister(cohort, dates, cancelled, people);
    }

    private static ClassRegister.Person person(Referral referral, Course course) {
        List<SessionRecord> sessions = course == null
                ? List.of()
                : SessionRecord.list("courseId", Sort.ascending("sessionNumber"), course.courseId);
        return new ClassRegister.Person(referral, course, sessions);
    }

    /**
     * Session {@code number} of the provider's class cancelled for everyone booked in it: recorded as
     * SESSION_CANCELLED on each course under way, and remembered for courses begun in the class later.
     * Cancelling it again changes nothing; 409 if anyone's register already has that session.
     */
    @Transactional
    public SessionCancelled cancelSession(String classId, int number, Actor provider) {
        // Locked: two cancellations of one class are made one after the other.
        DirectoryClass cohort = DirectoryClass.<DirectoryClass>findByIdOptional(classId, LockModeType.PESSIMISTIC_WRITE)
                .filter(c -> provider.organisation().equals(c.providerId))
                .orElseThrow(() -> ProblemException.notFound("class " + classId));
        List<LocalDate> dates = schedule(cohort);
        LocalDate on = sessionDate(dates, number, classId);
        SessionCancellation earlier = SessionCancellation.findById(new SessionCancellation.Key(classId, number));
        if (earlier != null) {
            return cancelled(earlier);
        }
        List<Referral> booked = Referral.<Referral>find(
                        "classId = ?1 and providerId = ?2 and status in ?3",
                        Sort.ascending("id"),
                        classId,
                        provider.organisation(),
                        List.of(ReferralStatus.BOOKED, ReferralStatus.IN_PROGRESS))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        long recordedAlready = booked.stream()
                .map(this::existingCourse)
                .flatMap(Optional::stream)
                .filter(c -> SessionRecord.count(
                                "courseId = ?1 and sessionNumber = ?2 and attendance <> ?3",
                                c.courseId,
                                number,
                                Attendance.SESSION_CANCELLED)
                        > 0)
                .count();
        if (recordedAlready > 0) {
            throw conflictOn(
                    "sessionNumber",
                    "session " + number + " is already recorded for " + recordedAlready + " of the people booked");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        SessionCancellation cancellation = new SessionCancellation();
        cancellation.classId = classId;
        cancellation.sessionNumber = number;
        cancellation.sessionOn = on;
        cancellation.cancelledAt = now;
        cancellation.cancelledBy = provider.user();
        cancellation.persist();
        for (Referral referral : booked) {
            Course course = courseOf(referral, provider); // a new course takes the cancellation with it
            if (SessionRecord.count("courseId = ?1 and sessionNumber = ?2", course.courseId, number) == 0) {
                record(referral, course, number, on, Attendance.SESSION_CANCELLED, provider.user(), now);
            }
            audit.record(
                    provider, AuditEvent.Action.UPDATE, referral.id, "session " + number + " of the class cancelled");
            endIfDue(referral, course, cohort, provider);
        }
        LOG.infof("Session %d of class %s cancelled; %d courses", number, classId, booked.size());
        return cancelled(cancellation);
    }

    // ---- the rules ----

    /** Ends the course when a rule says so: absent too often in a row, or every session recorded. */
    private void endIfDue(Referral referral, Course course, DirectoryClass cohort, Actor actor) {
        if (course.hasEnded()) {
            return;
        }
        List<SessionRecord> records = SessionRecord.list("courseId", course.courseId);
        Tally tally = Tally.of(course.sessionsPlanned, records);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int limit = config.register().dropOutAfterAbsences();
        Optional<SessionRecord> lastOfRun = CourseRules.absentInARow(records, limit);
        if (lastOfRun.isPresent()) {
            LocalDate on = lastOfRun.get().sessionOn;
            if (referral.status == ReferralStatus.BOOKED) {
                // Never came: the course's place and funding go back, as for a course never attended.
                course.end(CourseOutcome.DID_NOT_ATTEND, null, null, tally, on, now);
                referral.didNotAttend(
                        "CONSECUTIVE_ABSENCES",
                        "Did not attend: missed " + limit + " sessions in a row without notice, none attended",
                        now);
            } else {
                course.end(CourseOutcome.DROPPED_OUT, DropOutReason.CONSECUTIVE_ABSENCES, null, tally, on, now);
                referral.dropOut(DropOutReason.CONSECUTIVE_ABSENCES, null, now);
            }
        } else if (tally.allRecorded()) {
            LocalDate on = records.stream()
                    .map(r -> r.sessionOn)
                    .max(LocalDate::compareTo)
                    .orElse(England.today(clock));
            endByShare(referral, course, tally, on, now);
        } else {
            return;
        }
        transitions.announce(referral, actor);
        courseEnded(referral, course, now);
        LOG.infof("Course %s of referral %s ended: %s", course.courseId, referral.id, course.outcome);
    }

    /** Ends the course by the completion share of the sessions held. */
    private void endByShare(Referral referral, Course course, Tally tally, LocalDate on, OffsetDateTime now) {
        BigDecimal share = config.register().completion().of(referral.joint);
        CourseOutcome outcome = CourseRules.outcomeOf(tally, share);
        course.end(outcome, null, null, tally, on, now);
        switch (outcome) {
            case COMPLETED -> referral.completeCourse(tally.attended(), tally.held(), now);
            case DID_NOT_ATTEND ->
                referral.didNotAttend("NEVER_ATTENDED", "Did not attend any session of the course", now);
            case DROPPED_OUT ->
                referral.finishBelowCompletion(tally.attended(), tally.held(), Tally.needed(tally.held(), share), now);
        }
    }

    /** Referrals still on a course in a class that has begun: those the closing check looks at. */
    @Transactional
    public List<UUID> onCourseInClassesBegun() {
        return Referral.getEntityManager()
                .createQuery(
                        "select r.id from Referral r, DirectoryClass c where c.classId = r.classId"
                                + " and r.status in :on and c.startDate < :today order by r.id",
                        UUID.class)
                .setParameter("on", List.of(ReferralStatus.BOOKED, ReferralStatus.IN_PROGRESS))
                .setParameter("today", England.today(clock))
                .getResultList();
    }

    /**
     * Ends the course of a referral whose class is over: the directory says the class is COMPLETED, or its
     * last session was more than the configured days ago. A session left unrecorded then was held (it was not
     * cancelled) and not attended. Running it again changes nothing: the course has ended.
     *
     * @return whether it ended the course
     */
    @Transactional
    public boolean closeIfOver(UUID id) {
        Referral referral = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null || !referral.isOnCourse()) {
            return false;
        }
        DirectoryClass cohort = DirectoryClass.findById(referral.classId);
        if (cohort == null) {
            return false;
        }
        List<LocalDate> dates = schedule(cohort);
        LocalDate today = England.today(clock);
        LocalDate last = dates.getLast();
        boolean over = cohort.status == ClassStatus.COMPLETED
                || last.plusDays(config.register().closeAfterDays()).isBefore(today);
        if (!over) {
            return false;
        }
        Course course = courseOf(referral, SELF);
        if (course.hasEnded()) {
            return false;
        }
        Tally recorded = tally(course);
        Tally tally = new Tally(
                recorded.planned(),
                recorded.recorded(),
                recorded.cancelled(),
                recorded.planned() - recorded.cancelled(),
                recorded.attended());
        OffsetDateTime now = OffsetDateTime.now(clock);
        endByShare(referral, course, tally, last.isAfter(today) ? today : last, now);
        transitions.announce(referral, SELF);
        courseEnded(referral, course, now);
        audit.record(SELF, AuditEvent.Action.UPDATE, referral.id, "course closed: " + course.outcome);
        LOG.infof("Course %s of referral %s closed after its class: %s", course.courseId, referral.id, course.outcome);
        return true;
    }

    private void courseEnded(Referral referral, Course course, OffsetDateTime now) {
        outbox.record(
                EventType.COURSE_ENDED,
                referral.id.toString(),
                new CourseEnded(
                        referral.id.toString(),
                        course.courseId,
                        course.outcome,
                        course.dropOutReason,
                        course.sessionsPlanned,
                        course.sessionsHeld,
                        course.sessionsAttended,
                        course.reduced,
                        course.endedOn,
                        now.toInstant()));
    }

    private void record(
            Referral referral,
            Course course,
            int number,
            LocalDate on,
            Attendance attendance,
            String by,
            OffsetDateTime now) {
        SessionRecord.of(course.courseId, number, on, attendance, by, now).persist();
        course.updatedAt = now;
        outbox.record(
                EventType.ATTENDANCE_RECORDED,
                referral.id.toString(),
                new AttendanceRecorded(
                        referral.id.toString(),
                        course.courseId,
                        course.classId,
                        number,
                        on,
                        attendance,
                        now.toInstant()));
    }

    // ---- finding things ----

    /**
     * The course of the referral's current booking; begun on its first register entry, with the sessions
     * already cancelled for its class. 409 when the person is not booked in a course.
     */
    private Course courseOf(Referral referral, Actor actor) {
        // A course of a cancelled booking is left as it was: the person is no longer in that class.
        Optional<Course> existing = existingCourse(referral).filter(c -> referral.isOnCourse() || c.hasEnded());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!referral.isOnCourse()) {
            throw conflictOn(
                    "id",
                    "referral " + referral.id + " is " + referral.status + ": the person is not booked in a course");
        }
        DirectoryClass cohort = classOf(referral.classId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Course course = Course.begin(
                referral.id,
                referral.bookingRequestNumber,
                cohort.classId,
                cohort.siteId,
                referral.providerId,
                cohort.sessions,
                now);
        course.persist();
        List<SessionCancellation> cancelled = SessionCancellation.list(
                "classId = ?1 and sessionNumber <= ?2",
                Sort.ascending("sessionNumber"),
                cohort.classId,
                cohort.sessions);
        for (SessionCancellation c : cancelled) {
            record(referral, course, c.sessionNumber, c.sessionOn, Attendance.SESSION_CANCELLED, c.cancelledBy, now);
        }
        LOG.infof("Course %s begun for referral %s in class %s", course.courseId, referral.id, cohort.classId);
        return course;
    }

    private Optional<Course> existingCourse(Referral referral) {
        return Course.<Course>find(
                        "referralId = ?1 and bookingRequestNumber = ?2", referral.id, referral.bookingRequestNumber)
                .firstResultOptional();
    }

    /** The referral, locked, if it was offered to this provider; 404 otherwise, so its existence does not leak. */
    private Referral lockedFor(UUID id, Actor provider) {
        return seenBy(id, provider, true);
    }

    private Referral seenBy(UUID id, Actor provider, boolean lock) {
        Referral referral = lock ? Referral.findById(id, LockModeType.PESSIMISTIC_WRITE) : Referral.findById(id);
        if (referral == null || !referral.isSeenBy(provider.organisation())) {
            throw ProblemException.notFound("referral " + id);
        }
        return referral;
    }

    private static DirectoryClass classOf(String classId) {
        DirectoryClass cohort = DirectoryClass.findById(classId);
        if (cohort == null) {
            throw ProblemException.conflict("class " + classId + " is not yet known to this service");
        }
        return cohort;
    }

    /** The session dates of the class's schedule, as the site directory plans them. */
    static List<LocalDate> schedule(DirectoryClass cohort) {
        try {
            return ClassSchedule.sessionDates(cohort.startDate, cohort.meetingDays(), cohort.sessions);
        } catch (IllegalArgumentException e) {
            throw ProblemException.conflict("class " + cohort.classId + " has no usable schedule: " + e.getMessage());
        }
    }

    private static LocalDate sessionDate(List<LocalDate> dates, int number, String classId) {
        if (number < 1 || number > dates.size()) {
            throw ProblemException.badField(
                    "sessionNumber",
                    "is not a session of class " + classId + "'s schedule (1 to " + dates.size() + ")");
        }
        return dates.get(number - 1);
    }

    private static Tally tally(Course course) {
        return Tally.of(course.sessionsPlanned, SessionRecord.list("courseId", course.courseId));
    }

    private CourseRegister register(Referral referral, Course course, DirectoryClass cohort, List<LocalDate> dates) {
        List<SessionRecord> sessions = course == null
                ? List.of()
                : SessionRecord.list("courseId", Sort.ascending("sessionNumber"), course.courseId);
        List<MeasureRecord> measures =
                course == null ? List.of() : MeasureRecord.list("courseId", Sort.ascending("id"), course.courseId);
        Tally tally = Tally.of(course == null ? cohort.sessions : course.sessionsPlanned, sessions);
        int needed = tally.needed(config.register().completion().of(referral.joint));
        return new CourseRegister(referral, course, cohort.classId, dates, sessions, measures, tally, needed);
    }

    private static SessionCancelled cancelled(SessionCancellation c) {
        long courses = SessionRecord.count(
                "sessionNumber = ?1 and attendance = ?2 and courseId in (select courseId from Course where classId = ?3)",
                c.sessionNumber,
                Attendance.SESSION_CANCELLED,
                c.classId);
        return new SessionCancelled(c.classId, c.sessionNumber, c.sessionOn, c.cancelledAt, courses);
    }

    private static ProblemException conflictOn(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }
}
