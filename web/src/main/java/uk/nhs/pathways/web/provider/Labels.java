package uk.nhs.pathways.web.provider;

import io.quarkus.qute.TemplateExtension;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words the provider pages use for the services' codes, dates and times ({@code {label:status(r.status)}}). */
@TemplateExtension(namespace = "label")
public final class Labels {

    private Labels() {}

    static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("SUBMITTED", "Submitted"),
            Map.entry("OFFERED", "Offered: needs your decision"),
            Map.entry("NEEDS_ATTENTION", "Back with the referrer"),
            Map.entry("ACCEPTED", "Accepted: to book"),
            Map.entry("DECLINED", "Declined"),
            Map.entry("BOOKING_REQUESTED", "Booking requested"),
            Map.entry("BOOKED", "Booked"),
            Map.entry("BOOKING_CANCELLED", "Booking cancelled: to book again"),
            Map.entry("WITHDRAWN", "Withdrawn"),
            Map.entry("IN_PROGRESS", "Course in progress"),
            Map.entry("COMPLETED", "Course completed"),
            Map.entry("DROPPED_OUT", "Dropped out"),
            Map.entry("DID_NOT_ATTEND", "Did not attend"));

    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NO_CAPACITY", "No place in any of our classes"),
            Map.entry("NOT_SUITABLE", "The programme is not suitable for this person"),
            Map.entry("UNABLE_TO_CONTACT", "We could not contact the person"),
            Map.entry("PERSON_DECLINED", "The person said no"),
            Map.entry("OTHER", "Another reason (say what in the note)"),
            Map.entry("PERSON_REQUESTED", "The person asked to cancel"),
            Map.entry("PERSON_UNABLE_TO_ATTEND", "The person cannot attend this class"),
            Map.entry("CLASS_CANCELLED", "The class was cancelled or moved"),
            Map.entry("PERSON_CHOSE_TO_STOP", "The person chose to stop"),
            Map.entry("ILL_HEALTH", "Ill health"),
            Map.entry("PAIN_OR_INJURY", "Pain or injury"),
            Map.entry("MOVED_AWAY", "Moved away"),
            Map.entry("TRANSPORT_OR_ACCESS", "Transport or access"),
            Map.entry("CONSECUTIVE_ABSENCES", "Absent several sessions in a row"),
            Map.entry("ATTENDED", "Attended"),
            Map.entry("ABSENT", "Absent"),
            Map.entry("ABSENT_WITH_NOTICE", "Absent with notice"),
            Map.entry("SESSION_CANCELLED", "Session cancelled"),
            Map.entry("KOOS_PS", "KOOS-PS (knee function, 0 to 100)"),
            Map.entry("HOOS_PS", "HOOS-PS (hip function, 0 to 100)"),
            Map.entry("PAIN_NRS", "Pain rating (0 to 10)"),
            Map.entry("EQ_VAS", "EQ VAS (health today, 0 to 100)"),
            Map.entry("SWEMWBS", "SWEMWBS (wellbeing, 7 to 35)"),
            Map.entry("ASES_8", "ASES-8 (self-efficacy, 1 to 10)"),
            Map.entry("FIRST_SESSION", "First session"),
            Map.entry("LAST_SESSION", "Last session"),
            Map.entry("FOLLOW_UP", "Follow-up"),
            Map.entry("KNEE", "Knee"),
            Map.entry("HIP", "Hip"),
            Map.entry("PHYSIOTHERAPIST", "Physiotherapist"),
            Map.entry("THERAPY_ASSISTANT", "Therapy assistant"),
            Map.entry("FITNESS_INSTRUCTOR", "Fitness instructor"));

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    public static String status(String code) {
        return code == null ? "" : STATUS.getOrDefault(code, words(code));
    }

    /** A code in words: the pages' own wording, or the code read out ("STEP_FREE_ACCESS": "Step free access"). */
    public static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = WORDS.get(code);
        if (known != null) {
            return known;
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public static String list(List<?> codes) {
        if (codes == null || codes.isEmpty()) {
            return "";
        }
        return codes.stream().map(c -> words(c.toString())).collect(Collectors.joining(", "));
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public static String shortDate(LocalDate date) {
        return date == null ? "" : date.format(SHORT_DATE);
    }

    public static String when(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(ENGLAND).format(WHEN);
    }

    public static String time(LocalTime time) {
        return time == null ? "" : time.toString();
    }

    public static String days(List<DayOfWeek> days) {
        if (days == null || days.isEmpty()) {
            return "";
        }
        return days.stream()
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK))
                .collect(Collectors.joining(" and "));
    }

    public static String day(DayOfWeek day) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /** A status as an NHS.UK tag's colour modifier: the words say it too, so colour is never the only sign. */
    public static String tag(String code) {
        if (code == null) {
            return "nhsuk-tag--grey";
        }
        return switch (code) {
            case "OFFERED", "ACCEPTED", "BOOKING_CANCELLED" -> "nhsuk-tag--orange";
            case "BOOKING_REQUESTED" -> "nhsuk-tag--yellow";
            case "BOOKED", "IN_PROGRESS", "ATTENDED", "SCHEDULED", "RUNNING" -> "nhsuk-tag--green";
            case "COMPLETED" -> "nhsuk-tag--blue";
            case "ABSENT", "DROPPED_OUT", "DID_NOT_ATTEND", "CANCELLED" -> "nhsuk-tag--red";
            default -> "nhsuk-tag--grey";
        };
    }
}
