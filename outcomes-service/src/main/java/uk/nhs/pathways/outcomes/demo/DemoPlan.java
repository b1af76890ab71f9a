package uk.nhs.pathways.outcomes.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.platform.time.England;

/**
 * The demo history as a plan, without a database: past quarters of referrals from real GP practices near
 * each site, classes twice a week at the sites that were delivering, each person's register (mostly
 * attended; some drop out, some never come; a few sessions cancelled by the provider) and their measures
 * at the first session, the last and the six-month follow-up, with plausible improvements (some
 * responders, some follow-ups missing). Deterministic: the same sites and day give the same history.
 */
public final class DemoPlan {

    /** A copied site, as the plan needs it. */
    public record Site(
            String siteId,
            String providerId,
            SiteStatus status,
            int sessions,
            List<Joint> joints,
            String subIcb,
            String icb) {}

    public record Referral(
            String referralId,
            String pseudonym,
            String practice,
            Joint joint,
            String ageBand,
            Site site,
            String classId,
            int sessions,
            OffsetDateTime submittedAt,
            OffsetDateTime offeredAt,
            OffsetDateTime bookedAt,
            ReferralStatus status,
            Course course) {}

    /**
     * @param outcome null while the course is under way
     */
    public record Course(
            String courseId,
            int sessionsPlanned,
            List<Session> sessions,
            CourseOutcome outcome,
            DropOutReason dropOutReason,
            LocalDate endedOn,
            List<Measure> measures) {

        public LocalDate firstSessionOn() {
            return sessions.stream()
                    .filter(s -> s.attendance() == Attendance.ATTENDED)
                    .map(Session::on)
                    .findFirst()
                    .orElse(null);
        }

        public int held() {
            return (int) sessions.stream()
                    .filter(s -> s.attendance() != Attendance.SESSION_CANCELLED)
                    .count();
        }

        public int attended() {
            return (int) sessions.stream()
                    .filter(s -> s.attendance() == Attendance.ATTENDED)
                    .count();
        }
    }

    public record Session(int number, LocalDate on, Attendance attendance) {}

    public record Measure(Instrument instrument, Timepoint timepoint, BigDecimal score, LocalDate takenOn) {}

    /** KOOS-PS raw sum 0-28 to the interval score, 100 = no difficulty (docs/outcome-measures.md). */
    static final double[] KOOS_PS = {
        100.0, 94.4, 89.5, 85.2, 81.4, 78.0, 75.1, 72.5, 70.3, 68.2, 66.4, 64.7, 63.0, 61.4, 59.7, 58.0, 56.0, 53.9,
        51.5, 48.8, 45.6, 42.1, 38.0, 33.4, 28.2, 22.3, 15.7, 8.2, 0.0
    };
    /** HOOS-PS raw sum 0-20 to the interval score, 100 = no difficulty. */
    static final double[] HOOS_PS = {
        100.0, 95.4, 91.2, 87.3, 83.6, 80.0, 76.6, 73.1, 69.6, 66.1, 62.3, 58.3, 53.9, 49.2, 44.1, 38.4, 32.1, 25.2,
        17.6, 9.2, 0.0
    };
    /** SWEMWBS raw sum 7-35 to the metric score. */
    static final double[] SWEMWBS = {
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98,
        20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00
    };

    private static final List<List<DayOfWeek>> TWICE_WEEKLY = List.of(
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
            List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
            List.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
    private static final String[] AGE_BANDS = {"45-54", "55-64", "65-74", "75-84", "85+"};
    private static final int[] AGE_WEIGHTS = {10, 25, 38, 22, 5};
    private static final DropOutReason[] STATED_REASONS = {
        DropOutReason.PAIN_OR_INJURY,
        DropOutReason.ILL_HEALTH,
        DropOutReason.PERSON_CHOSE_TO_STOP,
        DropOutReason.TRANSPORT_OR_ACCESS,
        DropOutReason.MOVED_AWAY
    };

    private DemoPlan() {}

    /**
     * @param practicesIn the practices of a sub-ICB location, in ODS-code order
     */
    public static List<Referral> plan(
            LocalDate today, int pastQuarters, List<Site> sites, Function<String, List<String>> practicesIn) {
        Random random = new Random(2019); // the programme's December 2019 census the demo echoes
        Quarter first = Quarter.of(today);
        for (int i = 0; i < pastQuarters; i++) {
            first = first.previous();
        }
        List<Referral> referrals = new ArrayList<>();
        for (Site site : sites) {
            List<String> practices = practicesIn.apply(site.subIcb());
            if (practices.isEmpty() || site.joints().isEmpty()) {
                continue;
            }
            // Sites that have since paused or ceased delivered in the earlier quarters only.
            // Active sites also have classes next quarter that people are already referred and booked into,
            // so the last complete month has referrals whatever today's date.
            int quartersRun = switch (site.status()) {
                case ACTIVE -> pastQuarters + 2;
                case PAUSED -> Math.max(1, pastQuarters - 1);
                case CEASED -> Math.max(1, pastQuarters - 2);
                default -> 0;
            };
            Quarter quarter = first;
            for (int q = 0; q < quartersRun; q++, quarter = quarter.next()) {
                if (random.nextInt(100) < 65) { // not every site runs a course every quarter
                    referrals.addAll(classAt(site, quarter, today, practices, random));
                }
            }
        }
        return referrals;
    }

    /** One class at a site in a quarter, with the referrals it was booked from and some that went nowhere. */
    private static List<Referral> classAt(
            Site site, Quarter quarter, LocalDate today, List<String> practices, Random random) {
        List<DayOfWeek> days = TWICE_WEEKLY.get(random.nextInt(TWICE_WEEKLY.size()));
        LocalDate start =
                quarter.firstDay().plusDays(random.nextInt(49)).with(TemporalAdjusters.nextOrSame(days.getFirst()));
        List<Referral> referrals = new ArrayList<>();
        boolean startsLater = !start.isBefore(today);
        List<LocalDate> dates = sessionDates(start, days, site.sessions());
        int cancelled = random.nextInt(100) < 8 ? 1 + random.nextInt(site.sessions() - 1) : 0;
        String classId = "demo-class-" + uuid(random);
        int people = 2 + random.nextInt(3); // the class's people referred through Pathways
        for (int p = 0; p < people; p++) {
            LocalDate referred = start.minusDays(14 + random.nextInt(40));
            Joint joint = joint(site, random);
            OffsetDateTime submitted = at(referred, random);
            OffsetDateTime offered = submitted.plusHours(2 + random.nextInt(70));
            OffsetDateTime booked = offered.plusDays(1 + random.nextInt(6));
            Course course = course(site, dates, cancelled, joint, today, random);
            if (startsLater && !booked.toLocalDate().isBefore(today)) {
                continue; // not yet booked by today: left out
            }
            // Booked for a class that has not begun: no course yet.
            ReferralStatus status = startsLater
                    ? ReferralStatus.BOOKED
                    : course.outcome() != null
                            ? ReferralStatus.valueOf(course.outcome().name())
                            : course.firstSessionOn() != null ? ReferralStatus.IN_PROGRESS : ReferralStatus.BOOKED;
            referrals.add(new Referral(
                    uuid(random),
                    pseudonym(random),
                    practices.get(random.nextInt(practices.size())),
                    joint,
                    ageBand(random),
                    site,
                    classId,
                    site.sessions(),
                    submitted,
                    offered,
                    booked,
                    status,
                    startsLater ? null : course));
        }
        // Referrals from the same practices that never reached a course: not funded, or withdrawn.
        LocalDate unplaced = start.minusDays(random.nextInt(40));
        if (random.nextInt(100) < 45 && unplaced.isBefore(today)) {
            LocalDate referred = unplaced;
            boolean funded = random.nextBoolean();
            OffsetDateTime submitted = at(referred, random);
            referrals.add(new Referral(
                    uuid(random),
                    pseudonym(random),
                    practices.get(random.nextInt(practices.size())),
                    joint(site, random),
                    ageBand(random),
                    funded ? site : null,
                    null,
                    site.sessions(),
                    submitted,
                    funded ? submitted.plusHours(3) : null,
                    null,
                    funded ? ReferralStatus.WITHDRAWN : ReferralStatus.NEEDS_ATTENTION,
                    null));
        }
        return referrals;
    }

    private static Course course(
            Site site, List<LocalDate> dates, int cancelled, Joint joint, LocalDate today, Random random) {
        int roll = random.nextInt(100);
        CourseOutcome kind = roll < 8
                ? CourseOutcome.DID_NOT_ATTEND
                : roll < 25 ? CourseOutcome.DROPPED_OUT : CourseOutcome.COMPLETED;
        int lastAttended = kind == CourseOutcome.DROPPED_OUT ? 2 + random.nextInt(Math.max(1, dates.size() / 2)) : 0;
        boolean firstMissed = kind == CourseOutcome.COMPLETED && random.nextInt(100) < 5;
        List<Session> sessions = new ArrayList<>();
        CourseOutcome outcome = null;
        DropOutReason reason = null;
        LocalDate endedOn = null;
        int absentInARow = 0;
        int absences = 0;
        int allowedAbsences = (dates.size() - (cancelled > 0 ? 1 : 0)) / 4;
        for (int n = 1; n <= dates.size(); n++) {
            LocalDate on = dates.get(n - 1);
            if (!on.isBefore(today)) {
                break; // not held yet
            }
            Attendance attendance;
            if (n == cancelled) {
                attendance = Attendance.SESSION_CANCELLED;
            } else if (kind == CourseOutcome.DID_NOT_ATTEND) {
                attendance = Attendance.ABSENT;
            } else if (kind == CourseOutcome.DROPPED_OUT && n > lastAttended) {
                attendance = Attendance.ABSENT;
            } else if ((n == 1 && firstMissed) || (n > 1 && absences < allowedAbsences && random.nextInt(100) < 9)) {
                attendance = random.nextBoolean() ? Attendance.ABSENT_WITH_NOTICE : Attendance.ABSENT;
                absences++;
            } else {
                attendance = Attendance.ATTENDED;
            }
            sessions.add(new Session(n, on, attendance));
            absentInARow = attendance == Attendance.ABSENT
                    ? absentInARow + 1
                    : attendance == Attendance.ATTENDED ? 0 : absentInARow;
            if (absentInARow == 3 && kind != CourseOutcome.COMPLETED) {
                outcome = kind;
                endedOn = on;
                if (kind == CourseOutcome.DROPPED_OUT) {
                    reason = random.nextInt(100) < 60
                            ? DropOutReason.CONSECUTIVE_ABSENCES
                            : STATED_REASONS[random.nextInt(STATED_REASONS.length)];
                }
                break;
            }
            if (n == dates.size()) {
                // A short course can end before three absences in a row: the person said they had stopped.
                outcome = kind;
                reason = kind == CourseOutcome.DROPPED_OUT ? DropOutReason.PERSON_CHOSE_TO_STOP : null;
                endedOn = on;
            }
        }
        Course draft = new Course(uuid(random), dates.size(), sessions, outcome, reason, endedOn, List.of());
        return new Course(
                draft.courseId(),
                draft.sessionsPlanned(),
                sessions,
                outcome,
                reason,
                endedOn,
                measures(draft, joint, today, random));
    }

    /** Scores at the first session, the last (completers) and six months on, as people plausibly improve. */
    private static List<Measure> measures(Course course, Joint joint, LocalDate today, Random random) {
        List<Measure> measures = new ArrayList<>();
        LocalDate first = course.firstSessionOn();
        if (first == null) {
            return measures;
        }
        double benefit = random.nextGaussian() * 0.8 + 0.9; // how much this person gains, roughly 0-2
        boolean baseline = random.nextInt(100) < 94;
        boolean end = course.outcome() == CourseOutcome.COMPLETED
                ? random.nextInt(100) < 85
                : course.outcome() == CourseOutcome.DROPPED_OUT && random.nextInt(100) < 10;
        LocalDate endOn = course.endedOn() == null ? null : course.endedOn();
        LocalDate followUpOn = endOn == null ? null : endOn.plusWeeks(26);
        boolean followUp =
                course.outcome() == CourseOutcome.COMPLETED && followUpOn.isBefore(today) && random.nextInt(100) < 60;
        double keep = 0.5 + random.nextDouble() * 0.5; // share of the gain still there at follow-up

        boolean knee = joint == Joint.KNEE;
        Instrument function = knee ? Instrument.KOOS_PS : Instrument.HOOS_PS;
        double[] table = knee ? KOOS_PS : HOOS_PS;
        int rawMax = table.length - 1;
        int raw0 = knee ? 8 + random.nextInt(13) : 6 + random.nextInt(9);
        int rawEnd = clamp(raw0 - (int) Math.round(benefit * 3 + random.nextGaussian()), 0, rawMax);
        int rawFollow = clamp(raw0 - (int) Math.round((raw0 - rawEnd) * keep), 0, rawMax);
        int pain0 = 4 + random.nextInt(5);
        int painEnd = clamp(pain0 - (int) Math.round(benefit * 1.8 + random.nextGaussian() * 0.8), 0, 10);
        int painFollow = clamp(pain0 - (int) Math.round((pain0 - painEnd) * keep), 0, 10);
        int vas0 = 45 + random.nextInt(36);
        int vasEnd = clamp(vas0 + (int) Math.round(benefit * 7 + random.nextGaussian() * 6), 0, 100);
        int wellbeing0 = 15 + random.nextInt(13);
        int wellbeingEnd = clamp(wellbeing0 + (int) Math.round(benefit * 1.8 + random.nextGaussian() * 1.5), 7, 35);
        int efficacy0 = 25 + random.nextInt(36); // sum of the 8 items, each 1-10
        int efficacyEnd = clamp(efficacy0 + (int) Math.round(benefit * 8 + random.nextGaussian() * 5), 8, 80);

        if (baseline) {
            measures.add(new Measure(function, Timepoint.FIRST_SESSION, score(table[raw0], 1), first));
            measures.add(new Measure(Instrument.PAIN_NRS, Timepoint.FIRST_SESSION, score(pain0, 0), first));
            measures.add(new Measure(Instrument.EQ_VAS, Timepoint.FIRST_SESSION, score(vas0, 0), first));
            measures.add(
                    new Measure(Instrument.SWEMWBS, Timepoint.FIRST_SESSION, score(SWEMWBS[wellbeing0 - 7], 2), first));
            measures.add(new Measure(Instrument.ASES_8, Timepoint.FIRST_SESSION, score(efficacy0 / 8.0, 3), first));
        }
        if (end) {
            measures.add(new Measure(function, Timepoint.LAST_SESSION, score(table[rawEnd], 1), endOn));
            measures.add(new Measure(Instrument.PAIN_NRS, Timepoint.LAST_SESSION, score(painEnd, 0), endOn));
            measures.add(new Measure(Instrument.EQ_VAS, Timepoint.LAST_SESSION, score(vasEnd, 0), endOn));
            measures.add(new Measure(
                    Instrument.SWEMWBS, Timepoint.LAST_SESSION, score(SWEMWBS[wellbeingEnd - 7], 2), endOn));
            measures.add(new Measure(Instrument.ASES_8, Timepoint.LAST_SESSION, score(efficacyEnd / 8.0, 3), endOn));
        }
        if (followUp) {
            // The follow-up questionnaire is the short one: function and pain.
            measures.add(new Measure(function, Timepoint.FOLLOW_UP, score(table[rawFollow], 1), followUpOn));
            measures.add(new Measure(Instrument.PAIN_NRS, Timepoint.FOLLOW_UP, score(painFollow, 0), followUpOn));
        }
        return measures;
    }

    static List<LocalDate> sessionDates(LocalDate start, List<DayOfWeek> days, int sessions) {
        List<LocalDate> dates = new ArrayList<>(sessions);
        for (LocalDate day = start; dates.size() < sessions; day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek())) {
                dates.add(day);
            }
        }
        return dates;
    }

    private static Joint joint(Site site, Random random) {
        if (site.joints().size() == 1) {
            return site.joints().getFirst();
        }
        return random.nextInt(100) < 65 ? Joint.KNEE : Joint.HIP;
    }

    private static String ageBand(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < AGE_BANDS.length; i++) {
            roll -= AGE_WEIGHTS[i];
            if (roll < 0) {
                return AGE_BANDS[i];
            }
        }
        return AGE_BANDS[AGE_BANDS.length - 1];
    }

    /** Looks like the referral service's pseudonyms (a keyed hash, base64url), made from the plan's random. */
    private static String pseudonym(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "p-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static OffsetDateTime at(LocalDate day, Random random) {
        return day.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60)))
                .atZone(England.ZONE)
                .toOffsetDateTime();
    }

    private static BigDecimal score(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
