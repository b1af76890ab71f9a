package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.AttendanceRecorded;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.MeasureRecorded;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.outbox.OutboxEvent;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.register.service.CourseClosing;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The provider's attendance register: sessions recorded against a booked referral's course, the course
 * started and ended by the rules, the referral moved and every course event on the referrals topic; and
 * every bad entry refused as problem+json naming the field, with nothing written.
 */
@QuarkusTest
class AttendanceRegisterTest {

    static final String PRACTICE = "B86031";
    static final String PROVIDER = "prov-register";
    static final String SITE = "site-register";
    static final String PROVIDER_TOKEN = TestTokens.token("provider", PROVIDER);
    static final String OTHER_PROVIDER = TestTokens.token("provider", "prov-someone-else");

    @Inject
    CourseClosing closing;

    static String aClass(int sessions) {
        return Fixtures.classBegun(PROVIDER, SITE, sessions, 8);
    }

    static UUID bookedInto(String classId) {
        return Fixtures.booked(PRACTICE, PROVIDER, SITE, classId, Joint.KNEE);
    }

    static ValidatableResponse session(String token, UUID id, int number, String attendance) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("attendance", attendance))
                .put("/referrals/" + id + "/course/sessions/" + number)
                .then();
    }

    /** Records sessions 1, 2, ...: A attended, X absent, N absent with notice, '.' left unrecorded. */
    static void sessions(UUID id, String entries) {
        for (int i = 0; i < entries.length(); i++) {
            String attendance = switch (entries.charAt(i)) {
                case 'A' -> "ATTENDED";
                case 'X' -> "ABSENT";
                case 'N' -> "ABSENT_WITH_NOTICE";
                default -> null;
            };
            if (attendance != null) {
                session(PROVIDER_TOKEN, id, i + 1, attendance).statusCode(200);
            }
        }
    }

    static ValidatableResponse measure(UUID id, String instrument, String timepoint, String score, LocalDate takenOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        body.put("timepoint", timepoint);
        body.put("score", new BigDecimal(score));
        body.put("takenOn", takenOn.toString());
        return given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/referrals/" + id + "/course/measures")
                .then();
    }

    static ValidatableResponse dropOut(UUID id, Map<String, Object> body) {
        return given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/referrals/" + id + "/course/drop-out")
                .then();
    }

    static ValidatableResponse cancel(String token, String classId, int number) {
        return given().auth()
                .oauth2(token)
                .post("/classes/" + classId + "/sessions/" + number + "/cancellation")
                .then();
    }

    static ValidatableResponse course(UUID id) {
        return given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + id + "/course")
                .then()
                .statusCode(200);
    }

    static long outboxed(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("subject", id.toString()));
    }

    static long outboxed(UUID id, EventType type) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("subject = ?1 and type = ?2", id.toString(), type.type()));
    }

    static Referral referral(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>findById(id));
    }

    static <T> List<T> payloads(List<CloudEvent> events, EventType type, Class<T> payload) {
        return events.stream()
                .filter(e -> e.getType().equals(type.type()))
                .map(e -> EventCodec.payload(e, type, payload))
                .toList();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aFullCourseAttendedIsCompletedWithItsEventsOnTheTopic() {
        String classId = aClass(12);
        UUID id = bookedInto(classId);
        LocalDate today = LocalDate.now(England.ZONE);

        measure(id, "KOOS_PS", "FIRST_SESSION", "55.5", today.minusWeeks(8)).statusCode(200);
        course(id).body("status", equalTo("BOOKED")).body("sessions", hasSize(12));

        session(PROVIDER_TOKEN, id, 1, "ATTENDED")
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("sessionsAttended", equalTo(1))
                .body("sessions[0].attendance", equalTo("ATTENDED"))
                .body("sessions[1].attendance", nullValue());
        sessions(id, ".AAAANAAAAXA"); // 10 attended of 12 held
        course(id)
                .body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("COMPLETED"))
                .body("sessionsHeld", equalTo(12))
                .body("sessionsAttended", equalTo(10))
                .body("reduced", equalTo(false));
        measure(id, "KOOS_PS", "LAST_SESSION", "68", today.minusWeeks(2)).statusCode(200);
        measure(id, "PAIN_NRS", "FOLLOW_UP", "3", today).statusCode(200);

        List<CloudEvent> events = Fixtures.events(id.toString(), 17); // 1 started, 12 sessions, 1 ended, 3 measures
        CourseStarted started =
                payloads(events, EventType.COURSE_STARTED, CourseStarted.class).getFirst();
        List<AttendanceRecorded> register = payloads(events, EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class);
        CourseEnded ended =
                payloads(events, EventType.COURSE_ENDED, CourseEnded.class).getFirst();
        List<MeasureRecorded> measures = payloads(events, EventType.MEASURE_RECORDED, MeasureRecorded.class);

        assertThat(started.classId()).isEqualTo(classId);
        assertThat(started.providerId()).isEqualTo(PROVIDER);
        assertThat(started.sessionsPlanned()).isEqualTo(12);
        assertThat(started.reduced()).isFalse();
        assertThat(register)
                .hasSize(12)
                .allSatisfy(a -> assertThat(a.courseId()).isEqualTo(started.courseId()));
        assertThat(register.getFirst().sessionOn()).isEqualTo(started.firstSessionOn());
        assertThat(register.get(5).attendance()).isEqualTo(Attendance.ABSENT_WITH_NOTICE);
        assertThat(ended.courseId()).isEqualTo(started.courseId());
        assertThat(ended.outcome()).isEqualTo(CourseOutcome.COMPLETED);
        assertThat(ended.dropOutReason()).isNull();
        assertThat(ended.sessionsHeld()).isEqualTo(12);
        assertThat(ended.sessionsAttended()).isEqualTo(10);
        assertThat(ended.endedOn()).isEqualTo(register.getLast().sessionOn());
        assertThat(measures).extracting(MeasureRecorded::courseId).containsOnly(started.courseId());
        assertThat(measures.getFirst().score()).isEqualByComparingTo("55.5");
        // Pseudonymous: no name, NHS number or date of birth on the topic.
        Referral referral = referral(id);
        assertThat(events)
                .extracting(e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                .noneMatch(data -> data.contains(referral.nhsNumber)
                        || data.contains(referral.patientName)
                        || data.contains("1952-06-01"));

        // The moves went through the one announcing place: the timeline and ReferralTransitioned, in the transaction.
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .get("/referrals/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("to", hasItem("IN_PROGRESS"))
                .body("to", hasItem("COMPLETED"));
        assertThat(TransitionsSeen.of(id.toString()))
                .extracting(s -> s.event().to())
                .containsExactly(ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED);
        assertThat(TransitionsSeen.of(id.toString())).allMatch(TransitionsSeen.Seen::inTransaction);
    }

    @Test
    void threeAbsencesInARowWithoutNoticeAreADropOut() {
        UUID id = bookedInto(aClass(12));
        sessions(id, "AANXX");
        course(id).body("status", equalTo("IN_PROGRESS"));
        session(PROVIDER_TOKEN, id, 6, "ABSENT").statusCode(200).body("status", equalTo("DROPPED_OUT"));
        course(id).body("outcome", equalTo("DROPPED_OUT")).body("dropOutReason", equalTo("CONSECUTIVE_ABSENCES"));
        assertThat(referral(id).statusReasonCode).isEqualTo("CONSECUTIVE_ABSENCES");

        CourseEnded ended = payloads(Fixtures.events(id.toString(), 8), EventType.COURSE_ENDED, CourseEnded.class)
                .getFirst();
        assertThat(ended.outcome()).isEqualTo(CourseOutcome.DROPPED_OUT);
        assertThat(ended.dropOutReason()).isEqualTo(DropOutReason.CONSECUTIVE_ABSENCES);
        assertThat(ended.sessionsHeld()).isEqualTo(6);
        assertThat(ended.sessionsAttended()).isEqualTo(2);

        long before = outboxed(id);
        problem(session(PROVIDER_TOKEN, id, 7, "ATTENDED"), 409, "sessionNumber"); // the course ended
        session(PROVIDER_TOKEN, id, 6, "ABSENT").statusCode(200); // the same entry again
        assertThat(outboxed(id)).isEqualTo(before);
    }

    @Test
    void aCancelledSessionIsNotHeldAndCountsAgainstNobody() {
        String classId = aClass(12);
        UUID nine = bookedInto(classId);
        UUID eight = bookedInto(classId);
        session(PROVIDER_TOKEN, nine, 1, "ATTENDED").statusCode(200);

        problem(cancel(PROVIDER_TOKEN, classId, 1), 409, "sessionNumber"); // already recorded for someone
        cancel(OTHER_PROVIDER, classId, 4).statusCode(404);
        cancel(PROVIDER_TOKEN, classId, 4)
                .statusCode(200)
                .body("sessionNumber", equalTo(4))
                .body("courses", equalTo(2));
        long nineBefore = outboxed(nine);
        cancel(PROVIDER_TOKEN, classId, 4).statusCode(200).body("courses", equalTo(2)); // again: nothing new
        assertThat(outboxed(nine)).isEqualTo(nineBefore);
        course(eight)
                .body("sessions[3].attendance", equalTo("SESSION_CANCELLED"))
                .body("attendanceNeeded", equalTo(9));

        sessions(nine, ".AA.AAAAAANN"); // 9 attended of 11 held (0.75 x 11 rounds up to 9)
        course(nine).body("status", equalTo("COMPLETED")).body("sessionsHeld", equalTo(11));
        sessions(eight, "AAA.AAAAANNN"); // 8 of 11: not completed
        course(eight)
                .body("status", equalTo("DROPPED_OUT"))
                .body("outcome", equalTo("DROPPED_OUT"))
                .body("dropOutReason", nullValue());
        assertThat(referral(eight).statusReasonCode).isEqualTo("BELOW_COMPLETION_SHARE");

        List<CloudEvent> events = Fixtures.events(eight.toString(), 14);
        assertThat(payloads(events, EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class))
                .filteredOn(a -> a.sessionNumber() == 4)
                .singleElement()
                .satisfies(a -> assertThat(a.attendance()).isEqualTo(Attendance.SESSION_CANCELLED));
        CourseEnded ended =
                payloads(events, EventType.COURSE_ENDED, CourseEnded.class).getFirst();
        assertThat(ended.sessionsPlanned()).isEqualTo(12);
        assertThat(ended.sessionsHeld()).isEqualTo(11);
        assertThat(ended.sessionsAttended()).isEqualTo(8);
        assertThat(ended.outcome()).isEqualTo(CourseOutcome.DROPPED_OUT);
    }

    @Test
    void someoneWhoNeverAttendedDidNotAttend() {
        UUID notice = bookedInto(aClass(8));
        sessions(notice, "NNNNNNNN");
        course(notice).body("status", equalTo("DID_NOT_ATTEND")).body("reduced", equalTo(true));
        CourseEnded ended = payloads(Fixtures.events(notice.toString(), 9), EventType.COURSE_ENDED, CourseEnded.class)
                .getFirst();
        assertThat(ended.outcome()).isEqualTo(CourseOutcome.DID_NOT_ATTEND);
        assertThat(ended.reduced()).isTrue();
        assertThat(outboxed(notice, EventType.COURSE_STARTED)).isZero();

        UUID absent = bookedInto(aClass(12)); // absent from the start, never came: not a drop-out
        sessions(absent, "XXX");
        course(absent).body("status", equalTo("DID_NOT_ATTEND")).body("outcome", equalTo("DID_NOT_ATTEND"));
    }

    @Test
    void thePersonMayDropOutBeforeStartingOrDuringTheCourseWithACodedReason() {
        UUID before = bookedInto(aClass(12));
        problem(dropOut(before, Map.of("reasonCode", "OTHER")), 400, "reason");
        problem(dropOut(before, Map.of("reasonCode", "CONSECUTIVE_ABSENCES")), 400, "reasonCode");
        assertThat(outboxed(before)).isZero();
        dropOut(before, Map.of("reasonCode", "MOVED_AWAY", "reason", "Moved to a new town"))
                .statusCode(200)
                .body("status", equalTo("DROPPED_OUT"))
                .body("dropOutReason", equalTo("MOVED_AWAY"))
                .body("dropOutNote", equalTo("Moved to a new town"));
        List<CloudEvent> events = Fixtures.events(before.toString(), 1);
        assertThat(payloads(events, EventType.COURSE_ENDED, CourseEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.dropOutReason()).isEqualTo(DropOutReason.MOVED_AWAY));
        assertThat(events)
                .extracting(e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                .noneMatch(data -> data.contains("new town")); // the provider's words stay here
        dropOut(before, Map.of("reasonCode", "ILL_HEALTH")).statusCode(409).body("detail", notNullValue()); // final

        // Closed: the FCP may refer the person for the same joint again without saying a duplicate is meant.
        String nhsNumber = QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>findById(before).nhsNumber);
        Fixtures.submit(
                TestTokens.token("referrer", PRACTICE), Fixtures.referral(nhsNumber, "OX1 1AA", Fixtures.KNEE_OA));

        UUID during = bookedInto(aClass(12));
        sessions(during, "AA");
        dropOut(during, Map.of("reasonCode", "PAIN_OR_INJURY")).statusCode(200).body("status", equalTo("DROPPED_OUT"));
    }

    @Test
    void badEntriesAreRefusedNamingTheFieldAndWriteNothing() {
        String classId = aClass(12);
        UUID id = bookedInto(classId);
        LocalDate today = LocalDate.now(England.ZONE);
        session(PROVIDER_TOKEN, id, 1, "ATTENDED").statusCode(200);
        long before = outboxed(id);

        problem(session(PROVIDER_TOKEN, id, 13, "ATTENDED"), 400, "sessionNumber");
        problem(session(PROVIDER_TOKEN, id, 0, "ATTENDED"), 400, "sessionNumber");
        problem(session(PROVIDER_TOKEN, id, 2, "SESSION_CANCELLED"), 400, "attendance");
        problem(session(PROVIDER_TOKEN, id, 1, "ABSENT"), 409, "attendance"); // recorded otherwise
        session(PROVIDER_TOKEN, id, 1, "ATTENDED").statusCode(200).body("sessionsAttended", equalTo(1)); // a retry
        problem(measure(id, "KOOS_PS", "FIRST_SESSION", "100.5", today), 400, "score");
        problem(measure(id, "PAIN_NRS", "FIRST_SESSION", "-1", today), 400, "score");
        problem(measure(id, "HOOS_PS", "FIRST_SESSION", "50", today), 400, "instrument"); // a knee referral
        problem(measure(id, "EQ_VAS", "FIRST_SESSION", "50", today.plusDays(1)), 400, "takenOn");
        problem(measure(id, "EQ_VAS", "FOLLOW_UP", "50", today), 409, "timepoint"); // the course has not ended
        assertThat(outboxed(id)).isEqualTo(before);

        measure(id, "SWEMWBS", "FIRST_SESSION", "21.54", today).statusCode(200);
        measure(id, "SWEMWBS", "FIRST_SESSION", "21.540", today).statusCode(200).body("measures", hasSize(1));
        problem(measure(id, "SWEMWBS", "FIRST_SESSION", "24", today), 409, "score");
        assertThat(outboxed(id)).isEqualTo(before + 1);
        assertThat(outboxed(id, EventType.MEASURE_RECORDED)).isOne();

        // A session not yet held: a class starting next week.
        UUID early = bookedInto(Fixtures.classBegun(PROVIDER, SITE, 12, -1));
        problem(session(PROVIDER_TOKEN, early, 1, "ATTENDED"), 400, "sessionNumber");

        // Not booked in a course.
        UUID offered = SecurityMatrixTest.referral(ReferralStatus.OFFERED);
        given().auth()
                .oauth2(TestTokens.token("provider", SecurityMatrixTest.PROVIDER_ID))
                .contentType(ContentType.JSON)
                .body(Map.of("attendance", "ATTENDED"))
                .put("/referrals/" + offered + "/course/sessions/1")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("id"));
        assertThat(outboxed(offered)).isZero();
    }

    @Test
    void anotherProvidersRegisterIsNotFound() {
        UUID id = bookedInto(aClass(12));
        session(OTHER_PROVIDER, id, 1, "ATTENDED").statusCode(404);
        given().auth()
                .oauth2(OTHER_PROVIDER)
                .get("/referrals/" + id + "/course")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.token("referrer", PRACTICE))
                .get("/referrals/" + id + "/course")
                .then()
                .statusCode(403);
        assertThat(referral(id).status).isEqualTo(ReferralStatus.BOOKED);
        assertThat(outboxed(id)).isZero();
    }

    @Test
    void coursesLeftOpenAreClosedOnceTheirClassIsOver() {
        String over = aClass(12); // its last session was weeks ago
        UUID ten = bookedInto(over);
        sessions(ten, "AAAAAAAAAA"); // sessions 11 and 12 never recorded
        UUID none = bookedInto(over);
        UUID four = bookedInto(over);
        sessions(four, "AANAAN");
        String running = Fixtures.classBegun(PROVIDER, SITE, 12, 2);
        UUID still = bookedInto(running);
        sessions(still, "A");

        assertThat(closing.run()).isGreaterThanOrEqualTo(3);
        course(ten).body("status", equalTo("COMPLETED")).body("sessionsHeld", equalTo(12));
        course(none).body("status", equalTo("DID_NOT_ATTEND"));
        course(four).body("status", equalTo("DROPPED_OUT")).body("sessionsAttended", equalTo(4));
        course(still).body("status", equalTo("IN_PROGRESS")); // its class is still running
        assertThat(payloads(Fixtures.events(ten.toString(), 12), EventType.COURSE_ENDED, CourseEnded.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(CourseOutcome.COMPLETED);
                    assertThat(e.sessionsHeld()).isEqualTo(12); // unrecorded sessions were held, not attended
                    assertThat(e.sessionsAttended()).isEqualTo(10);
                });

        long before = outboxed(ten);
        closing.run(); // again: nothing new
        assertThat(outboxed(ten)).isEqualTo(before);

        // The directory says the running class is over: its open courses end at the next check.
        QuarkusTransaction.requiringNew()
                .run(() -> DirectoryClass.<DirectoryClass>findById(running).status = ClassStatus.COMPLETED);
        closing.run();
        course(still).body("status", equalTo("DROPPED_OUT")).body("sessionsAttended", equalTo(1));
    }

    @Test
    void aBookingMadeAgainIsANewCourse() {
        UUID id = bookedInto(aClass(12));
        String first = session(PROVIDER_TOKEN, id, 1, "ABSENT")
                .statusCode(200)
                .extract()
                .path("courseId");
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reasonCode", "PERSON_UNABLE_TO_ATTEND"))
                .post("/referrals/" + id + "/booking/cancellation")
                .then()
                .statusCode(200);
        problem(session(PROVIDER_TOKEN, id, 2, "ATTENDED"), 409, "id"); // no longer booked in that class

        // Booked again, into a later class: the directory reserves the place.
        String later = "class-" + UUID.randomUUID();
        Fixtures.cohort(
                later,
                SITE,
                PROVIDER,
                LocalDate.now(England.ZONE).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)),
                LocalTime.of(10, 0),
                12,
                8,
                0);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("classId", later))
                .post("/referrals/" + id + "/booking")
                .then()
                .statusCode(202);
        ProviderJourneyTest.reserved(id, 2, later);
        Fixtures.awaitStatus(PROVIDER_TOKEN, id.toString(), "BOOKED");
        course(id).body("classId", equalTo(later)).body("courseId", nullValue());

        String second = dropOut(id, Map.of("reasonCode", "ILL_HEALTH"))
                .statusCode(200)
                .extract()
                .path("courseId");
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(payloads(Fixtures.events(id.toString(), 5), EventType.COURSE_ENDED, CourseEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.courseId()).isEqualTo(second));
    }
}
