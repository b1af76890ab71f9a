package uk.nhs.pathways.referral.register.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;

/** The register's rules: when a course ends, and how. */
public final class CourseRules {

    private CourseRules() {}

    /**
     * The session that completed a run of {@code limit} absences without notice, if there is one. A session
     * cancelled for the class is skipped (it was not held); an absence with notice, an attendance, or a
     * session not recorded yet ends the run.
     */
    public static Optional<SessionRecord> absentInARow(List<SessionRecord> records, int limit) {
        List<SessionRecord> ordered = records.stream()
                .sorted(Comparator.comparingInt(r -> r.sessionNumber))
                .toList();
        int run = 0;
        int expected = 1;
        for (SessionRecord r : ordered) {
            if (r.sessionNumber != expected) {
                run = 0; // a gap: sessions not recorded yet
            }
            expected = r.sessionNumber + 1;
            if (r.attendance == Attendance.ABSENT) {
                if (++run >= limit) {
                    return Optional.of(r);
                }
            } else if (r.attendance != Attendance.SESSION_CANCELLED) {
                run = 0;
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of a course whose every session is recorded. Some attended but fewer than the completion
     * share is DROPPED_OUT: the course was not completed, and of the outcomes only that one says so (with no
     * drop-out reason: the person did not say they stopped).
     */
    public static CourseOutcome outcomeOf(Tally tally, BigDecimal completionShare) {
        if (tally.attended() == 0) {
            return CourseOutcome.DID_NOT_ATTEND;
        }
        return tally.attended() >= Tally.needed(tally.held(), completionShare)
                ? CourseOutcome.COMPLETED
                : CourseOutcome.DROPPED_OUT;
    }
}
