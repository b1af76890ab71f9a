package uk.nhs.pathways.referral.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;

/** When a course ends and how, from its register alone. */
class CourseRulesTest {

    static final BigDecimal SHARE = new BigDecimal("0.75");

    /** Sessions 1, 2, ... recorded as given: A attended, X absent, N absent with notice, C cancelled. */
    static List<SessionRecord> register(String entries) {
        List<SessionRecord> records = new ArrayList<>();
        for (int i = 0; i < entries.length(); i++) {
            Attendance a = switch (entries.charAt(i)) {
                case 'A' -> Attendance.ATTENDED;
                case 'X' -> Attendance.ABSENT;
                case 'N' -> Attendance.ABSENT_WITH_NOTICE;
                case 'C' -> Attendance.SESSION_CANCELLED;
                default -> null;
            };
            if (a != null) {
                records.add(SessionRecord.of(
                        "c", i + 1, LocalDate.of(2026, 1, 1).plusDays(i), a, "t", OffsetDateTime.now()));
            }
        }
        return records;
    }

    @Test
    void threeAbsencesInARowWithoutNoticeEndTheRunAtTheThird() {
        assertThat(CourseRules.absentInARow(register("AAXXX"), 3))
                .hasValueSatisfying(r -> assertThat(r.sessionNumber).isEqualTo(5));
        assertThat(CourseRules.absentInARow(register("AXXCX"), 3)) // a cancelled session is skipped
                .hasValueSatisfying(r -> assertThat(r.sessionNumber).isEqualTo(5));
        assertThat(CourseRules.absentInARow(register("AXXNX"), 3)).isEmpty(); // notice breaks the run
        assertThat(CourseRules.absentInARow(register("AXXAX"), 3)).isEmpty();
        assertThat(CourseRules.absentInARow(register("AXX.X"), 3)).isEmpty(); // session 4 not recorded yet
        assertThat(CourseRules.absentInARow(register("XX"), 2)).isPresent(); // the limit is configurable
    }

    @Test
    void completionIsJudgedOnTheSessionsHeldRoundedUp() {
        // 12 planned, 1 cancelled: 11 held, 9 needed (0.75 x 11 = 8.25)
        Tally nine = Tally.of(12, register("AAAAAAAAAXCX"));
        assertThat(nine.held()).isEqualTo(11);
        assertThat(nine.attended()).isEqualTo(9);
        assertThat(Tally.needed(11, SHARE)).isEqualTo(9);
        assertThat(CourseRules.outcomeOf(nine, SHARE)).isEqualTo(CourseOutcome.COMPLETED);

        Tally eight = Tally.of(12, register("AAAAAAAANXCX"));
        assertThat(CourseRules.outcomeOf(eight, SHARE)).isEqualTo(CourseOutcome.DROPPED_OUT);

        assertThat(CourseRules.outcomeOf(Tally.of(12, register("NNNNNNNNNNNN")), SHARE))
                .isEqualTo(CourseOutcome.DID_NOT_ATTEND);
        assertThat(Tally.of(12, register("AAAAAAAAAAAA")).allRecorded()).isTrue();
        assertThat(Tally.of(12, register("AAAAAAAAAAA")).allRecorded()).isFalse();
        assertThat(Tally.needed(12, new BigDecimal("0.5"))).isEqualTo(6);
    }
}
