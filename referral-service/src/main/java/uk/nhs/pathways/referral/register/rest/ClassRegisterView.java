package uk.nhs.pathways.referral.register.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.register.domain.SessionRecord;
import uk.nhs.pathways.referral.register.service.ClassRegister;

/**
 * A class's register as its provider keeps it: every session of the schedule (with its date, and whether
 * the class's session was cancelled) and every person in the class by name, with what is recorded for them
 * at each session (null: nothing yet). The name is what the provider calls the register by; the NHS number
 * and the rest of the person's details stay on the referral.
 */
public record ClassRegisterView(String classId, String siteId, List<Session> sessions, List<Person> people) {

    public record Session(int number, LocalDate on, boolean cancelled) {}

    /**
     * @param courseId null until the first register entry begins the course
     * @param outcome  null while the course is open
     * @param sessions one entry per session of the schedule, in order
     */
    public record Person(
            UUID referralId,
            String name,
            ReferralStatus status,
            String courseId,
            CourseOutcome outcome,
            List<Entry> sessions) {}

    public record Entry(int number, Attendance attendance) {}

    static ClassRegisterView of(ClassRegister register) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < register.sessionDates().size(); i++) {
            sessions.add(new Session(
                    i + 1,
                    register.sessionDates().get(i),
                    register.cancelledSessions().contains(i + 1)));
        }
        List<Person> people = register.people().stream()
                .map(p -> {
                    Map<Integer, SessionRecord> recorded =
                            p.sessions().stream().collect(Collectors.toMap(r -> r.sessionNumber, Function.identity()));
                    List<Entry> entries = new ArrayList<>();
                    for (int n = 1; n <= sessions.size(); n++) {
                        SessionRecord r = recorded.get(n);
                        entries.add(new Entry(n, r == null ? null : r.attendance));
                    }
                    return new Person(
                            p.referral().id,
                            p.referral().patientName,
                            p.referral().status,
                            p.course() == null ? null : p.course().courseId,
                            p.course() == null ? null : p.course().outcome,
                            entries);
                })
                .toList();
        return new ClassRegisterView(register.cohort().classId, register.cohort().siteId, sessions, people);
    }
}
