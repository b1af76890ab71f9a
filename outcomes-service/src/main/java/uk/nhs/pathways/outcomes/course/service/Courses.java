package uk.nhs.pathways.outcomes.course.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.InvalidEventException;
import uk.nhs.pathways.events.MeasureRecorded;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.activity.domain.ReferralJourney;
import uk.nhs.pathways.outcomes.activity.service.Journeys;
import uk.nhs.pathways.outcomes.course.domain.Course;
import uk.nhs.pathways.outcomes.course.domain.CourseSession;
import uk.nhs.pathways.outcomes.course.domain.Measure;
import uk.nhs.pathways.outcomes.directory.service.SiteCopies;
import uk.nhs.pathways.outcomes.practice.service.Practices;
import uk.nhs.pathways.platform.time.England;

/**
 * Folds the referral service's course events (start, register, end, measures) into courses and tells
 * the person's ICS of each change through {@link OutcomeEvents}, in the same transaction. An event that
 * repeats what is known (a redelivery with a new id, the same register entry again) changes nothing
 * and publishes nothing; a correction replaces what it corrects and is published again.
 */
@ApplicationScoped
public class Courses {

    @Inject
    Journeys journeys;

    @Inject
    SiteCopies sites;

    @Inject
    Practices practices;

    @Inject
    OutcomeEvents outcomeEvents;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(CourseStarted event) {
        require(event.courseId(), "courseId");
        require(event.firstSessionOn(), "firstSessionOn");
        Course course = course(event.courseId(), event.referralId());
        if (course.start(
                event.classId(),
                event.siteId(),
                event.providerId(),
                event.sessionsPlanned(),
                event.reduced(),
                event.firstSessionOn())) {
            course.setting = sites.find(course.siteId).map(s -> s.setting).orElse(course.setting);
            outcomeEvents.courseStarted(course);
            if (course.outcome == null) {
                journeys.courseStarted(course.referralId);
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void attendance(AttendanceRecorded event) {
        require(event.courseId(), "courseId");
        require(event.attendance(), "attendance");
        require(event.sessionOn(), "sessionOn");
        if (event.sessionNumber() < 1) {
            throw new InvalidEventException("attendance.recorded: sessionNumber must be 1 or more");
        }
        Course course = course(event.courseId(), event.referralId());
        if (course.classId == null) {
            course.classId = event.classId();
        }
        CourseSession session = CourseSession.findById(new CourseSession.Key(course.courseId, event.sessionNumber()));
        if (session != null
                && session.attendance == event.attendance()
                && session.sessionOn.equals(event.sessionOn())) {
            return; // the same register entry again
        }
        if (session == null) {
            session = new CourseSession();
            session.courseId = course.courseId;
            session.sessionNumber = event.sessionNumber();
        }
        session.sessionOn = event.sessionOn();
        session.attendance = event.attendance();
        session.recordedAt = OffsetDateTime.now(clock);
        session.persist();
        List<CourseSession> register = CourseSession.list("courseId", course.courseId);
        course.counted((int) register.stream().filter(CourseSession::held).count(), (int) register.stream()
                .filter(s -> s.attendance == Attendance.ATTENDED)
                .count());
        outcomeEvents.sessionRecorded(course, session);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(CourseEnded event) {
        require(event.courseId(), "courseId");
        require(event.outcome(), "outcome");
        require(event.endedOn(), "endedOn");
        Course course = course(event.courseId(), event.referralId());
        if (course.end(
                event.outcome(),
                event.dropOutReason(),
                event.sessionsPlanned(),
                event.sessionsHeld(),
                event.sessionsAttended(),
                event.reduced(),
                event.endedOn())) {
            outcomeEvents.courseEnded(course);
            journeys.courseEnded(course.referralId, event.outcome());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void measure(MeasureRecorded event) {
        require(event.courseId(), "courseId");
        require(event.instrument(), "instrument");
        require(event.timepoint(), "timepoint");
        require(event.score(), "score");
        if (!event.instrument().inRange(event.score())) {
            throw new InvalidEventException("measure.recorded: score outside " + event.instrument() + "'s range "
                    + event.instrument().minimum() + "-" + event.instrument().maximum());
        }
        Course course = course(event.courseId(), event.referralId());
        Measure measure = Measure.findById(new Measure.Key(course.courseId, event.instrument(), event.timepoint()));
        if (measure != null
                && measure.score.compareTo(event.score()) == 0
                && Objects.equals(measure.takenOn, event.takenOn())) {
            return; // the same measure again
        }
        if (measure == null) {
            measure = new Measure();
            measure.courseId = course.courseId;
            measure.instrument = event.instrument();
            measure.timepoint = event.timepoint();
        }
        measure.score = event.score();
        measure.takenOn = event.takenOn();
        measure.recordedAt = OffsetDateTime.now(clock);
        List<Measure> others = Measure.list(
                "courseId = ?1 and instrument = ?2 and timepoint <> ?3",
                course.courseId,
                event.instrument(),
                event.timepoint());
        BigDecimal baseline = event.timepoint() == Timepoint.FIRST_SESSION
                ? null
                : others.stream()
                        .filter(m -> m.timepoint == Timepoint.FIRST_SESSION)
                        .map(m -> m.score)
                        .findFirst()
                        .orElse(null);
        measure.analyse(baseline);
        measure.persist();
        outcomeEvents.measureRecorded(course, measure);
        if (event.timepoint() == Timepoint.FIRST_SESSION) {
            // A baseline recorded (or corrected) after later measures: their analysis changes with it.
            for (Measure later : others) {
                if (later.analyse(measure.score)) {
                    outcomeEvents.measureRecorded(course, later);
                }
            }
        }
        course.baselineAndEnd = Measure.getEntityManager()
                        .createQuery(
                                "select count(f) from Measure f, Measure l where f.courseId = :course"
                                        + " and l.courseId = f.courseId and l.instrument = f.instrument"
                                        + " and f.timepoint = :first and l.timepoint = :last",
                                Long.class)
                        .setParameter("course", course.courseId)
                        .setParameter("first", Timepoint.FIRST_SESSION)
                        .setParameter("last", Timepoint.LAST_SESSION)
                        .getSingleResult()
                > 0;
    }

    /** The course, created on its first event with the context of its referral. */
    private Course course(String courseId, String referralId) {
        Course course = Course.findById(courseId);
        if (course == null) {
            if (referralId == null) {
                throw new InvalidEventException("course event without a referral id");
            }
            course = new Course();
            course.courseId = courseId;
            course.referralId = referralId;
            ReferralJourney journey = journeys.find(referralId).orElse(null);
            if (journey != null) {
                course.practiceOdsCode = journey.practiceOdsCode;
                course.icb = practices.icbOf(journey.practiceOdsCode).orElse(journey.icb);
                course.pcnCode = practices.pcnOf(journey.practiceOdsCode).orElse(journey.pcnCode);
                course.joint = journey.joint;
                course.ageBand = journey.ageBand;
                course.patientPseudonym = journey.patientPseudonym;
                course.referredOn = journey.submittedAt == null
                        ? null
                        : journey.submittedAt.atZoneSameInstant(England.ZONE).toLocalDate();
                course.classId = journey.classId;
                course.siteId = journey.siteId;
                course.providerId = journey.providerId;
                course.sessionsPlanned = journey.sessions;
                course.reduced = Course.isReduced(journey.sessions);
            }
            course.updatedAt = OffsetDateTime.now(clock);
            course.persist(); // the insert is built from the state now: complete it first
        }
        if (course.setting == null) {
            course.setting = sites.find(course.siteId).map(s -> s.setting).orElse(null);
        }
        course.updatedAt = OffsetDateTime.now(clock);
        return course;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidEventException("course event without " + field);
        }
    }
}
