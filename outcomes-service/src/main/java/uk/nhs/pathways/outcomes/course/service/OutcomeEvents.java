package uk.nhs.pathways.outcomes.course.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.OutcomeCourseEnded;
import uk.nhs.pathways.events.OutcomeCourseStarted;
import uk.nhs.pathways.events.OutcomeMeasureRecorded;
import uk.nhs.pathways.events.OutcomeSessionRecorded;
import uk.nhs.pathways.outcomes.course.domain.Course;
import uk.nhs.pathways.outcomes.course.domain.CourseSession;
import uk.nhs.pathways.outcomes.course.domain.Measure;
import uk.nhs.pathways.platform.outbox.Outbox;

/**
 * The outcome events for ICSs: recorded in the outbox in the transaction of the change they describe, on
 * the topic of the ICB of the person's practice ({@code pathways.outcomes.<icb>.v1}), keyed by the
 * episode (course) id. A course whose practice has no known ICB has no ICS to tell: nothing is sent.
 */
@ApplicationScoped
public class OutcomeEvents {

    private static final Logger LOG = Logger.getLogger(OutcomeEvents.class);

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void courseStarted(Course course) {
        publish(
                EventType.OUTCOME_COURSE_STARTED,
                course,
                new OutcomeCourseStarted(
                        course.context(),
                        course.classId,
                        course.sessionsPlanned == null ? 0 : course.sessionsPlanned,
                        course.reduced,
                        course.firstSessionOn));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionRecorded(Course course, CourseSession session) {
        publish(
                EventType.OUTCOME_SESSION_RECORDED,
                course,
                new OutcomeSessionRecorded(
                        course.context(), session.sessionNumber, session.sessionOn, session.attendance));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void courseEnded(Course course) {
        publish(
                EventType.OUTCOME_COURSE_ENDED,
                course,
                new OutcomeCourseEnded(
                        course.context(),
                        course.outcome,
                        course.dropOutReason,
                        course.sessionsPlanned == null ? 0 : course.sessionsPlanned,
                        course.sessionsHeld,
                        course.sessionsAttended,
                        course.reduced,
                        course.endedOn));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void measureRecorded(Course course, Measure measure) {
        publish(
                EventType.OUTCOME_MEASURE_RECORDED,
                course,
                new OutcomeMeasureRecorded(
                        course.context(),
                        measure.instrument,
                        measure.timepoint,
                        measure.score,
                        measure.takenOn,
                        measure.baseline,
                        measure.change,
                        measure.mcid,
                        measure.responder));
    }

    private void publish(EventType type, Course course, Object payload) {
        if (course.icb == null) {
            LOG.debugf("Course %s: its practice has no known ICB, so no ICS is told of it", course.courseId);
            return;
        }
        outbox.recordForIcb(type, course.icb, course.courseId, payload);
    }
}
