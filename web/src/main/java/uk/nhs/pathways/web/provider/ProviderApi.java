package uk.nhs.pathways.web.provider;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the provider pages read from and send to the services, as their APIs spell it (only the fields the
 * pages use; the rest is ignored). Codes stay strings: the services own the vocabularies and their checks.
 */
public final class ProviderApi {

    private ProviderApi() {}

    // ---- referral-service ----

    public record Referral(
            String id,
            String status,
            String statusReason,
            String statusReasonCode,
            String joint,
            String practiceOdsCode,
            Patient patient,
            Preferences preferences,
            Offer offer,
            LocalDate answerDue,
            String requestedClassId,
            String classId,
            OffsetDateTime bookedAt,
            OffsetDateTime submittedAt,
            OffsetDateTime updatedAt) {}

    public record Patient(String nhsNumber, String name, LocalDate dateOfBirth, String postcode) {}

    public record Preferences(
            List<String> settings, List<Window> availability, Integer maxTravelMetres, List<String> needs) {}

    public record Window(DayOfWeek day, LocalTime from, LocalTime to) {}

    public record Offer(
            String classId,
            LocalDate classStartDate,
            String siteId,
            String siteName,
            String providerId,
            String providerName,
            Integer sessions,
            Long distanceMetres) {}

    public record TimelineEntry(
            OffsetDateTime at,
            String from,
            String to,
            String reasonCode,
            String reason,
            String note,
            String actorRole,
            String actorOrganisation) {}

    public record Course(
            String referralId,
            String status,
            String courseId,
            String classId,
            int sessionsPlanned,
            int sessionsHeld,
            int sessionsAttended,
            int attendanceNeeded,
            LocalDate startedOn,
            String outcome,
            String dropOutReason,
            LocalDate endedOn,
            List<Session> sessions,
            List<Measure> measures) {}

    public record Session(int number, LocalDate on, String attendance) {}

    public record Measure(String instrument, String timepoint, BigDecimal score, LocalDate takenOn) {}

    public record ClassRegister(
            String classId, String siteId, List<RegisterSession> sessions, List<RegisterPerson> people) {}

    public record RegisterSession(int number, LocalDate on, boolean cancelled) {}

    public record RegisterPerson(
            String referralId, String name, String status, String courseId, String outcome, List<Entry> sessions) {

        /** What is recorded for the person at session {@code number}; null if nothing yet. */
        public String at(int number) {
            if (sessions != null) {
                for (Entry e : sessions) {
                    if (e.number() == number) {
                        return e.attendance();
                    }
                }
            }
            return null;
        }

        /** Whether the register can still take an entry for the person (their course is open). */
        public boolean open() {
            return "BOOKED".equals(status) || "IN_PROGRESS".equals(status);
        }
    }

    public record Entry(int number, String attendance) {}

    public record Answer(Boolean accept, String reasonCode, String reason) {}

    public record Booking(String classId) {}

    public record Cancellation(String reasonCode, String reason) {}

    public record SessionEntry(String attendance) {}

    public record DropOut(String reasonCode, String reason) {}

    public record MeasureEntry(String instrument, String timepoint, BigDecimal score, LocalDate takenOn) {}

    // ---- site-directory-service ----

    public record Site(
            String id,
            String name,
            String providerId,
            String address,
            String postcode,
            String setting,
            List<String> accessibility,
            List<String> programmes,
            String status) {}

    public record ClassInfo(
            String id,
            String siteId,
            String siteName,
            String providerId,
            List<String> programmes,
            LocalDate startDate,
            LocalDate endDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            LocalTime endTime,
            int durationMinutes,
            int sessions,
            int capacity,
            int placesTaken,
            int freePlaces,
            String facilitatorType,
            String status,
            long version) {}

    /** A class as the directory's POST /classes and PUT /classes/{id} take it. */
    public record ClassBody(
            String siteId,
            List<String> programmes,
            LocalDate startDate,
            List<String> days,
            LocalTime startTime,
            Integer durationMinutes,
            int sessions,
            int capacity,
            String facilitatorType,
            String status) {}
}
