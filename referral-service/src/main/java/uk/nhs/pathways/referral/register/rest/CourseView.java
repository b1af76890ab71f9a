package uk.nhs.pathways.referral.register.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.referral.register.domain.Course;
import uk.nhs.pathways.referral.register.domain.SessionRecord;
import uk.nhs.pathways.referral.register.service.CourseRegister;

/**
 * A referral's register as its provider sees it: every session of the class's schedule with its date and
 * what is recorded (null: nothing yet), the counts so far, the outcome once the course ended, and the measures.
 *
 * @param courseId         null until the first register entry begins the course
 * @param sessionsHeld     sessions recorded and not cancelled; once ended, the held sessions it ended with
 * @param attendanceNeeded sessions to attend to complete, of the sessions not cancelled
 */
public record CourseView(
        UUID referralId,
        ReferralStatus status,
        String courseId,
        String classId,
        int sessionsPlanned,
        boolean reduced,
        int sessionsHeld,
        int sessionsAttended,
        int attendanceNeeded,
        LocalDate startedOn,
        CourseOutcome outcome,
        DropOutReason dropOutReason,
        String dropOutNote,
        LocalDate endedOn,
        List<Session> sessions,
        List<Measure> measures) {

    public record Session(int number, LocalDate on, Attendance attendance) {}

    public record Measure(Instrument instrument, Timepoint timepoint, BigDecimal score, LocalDate takenOn) {}

    public static CourseView of(CourseRegister register) {
        Course course = register.course();
        boolean ended = course != null && course.hasEnded(); // the counts the course ended with
        Map<Integer, SessionRecord> recorded =
                register.sessions().stream().collect(Collectors.toMap(r -> r.sessionNumber, Function.identity()));
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < register.sessionDates().size(); i++) {
            SessionRecord r = recorded.get(i + 1);
            sessions.add(new Session(i + 1, register.sessionDates().get(i), r == null ? null : r.attendance));
        }
        return new CourseView(
                register.referral().id,
                register.referral().status,
                course == null ? null : course.courseId,
                register.classId(),
                register.tally().planned(),
                register.tally().planned() < Course.STANDARD_SESSIONS,
                ended ? course.sessionsHeld : register.tally().held(),
                ended ? course.sessionsAttended : register.tally().attended(),
                register.attendanceNeeded(),
                course == null ? null : course.startedOn,
                course == null ? null : course.outcome,
                course == null ? null : course.dropOutReason,
                course == null ? null : course.dropOutNote,
                course == null ? null : course.endedOn,
                sessions,
                register.measures().stream()
                        .map(m -> new Measure(m.instrument, m.timepoint, m.score, m.takenOn))
                        .toList());
    }
}
