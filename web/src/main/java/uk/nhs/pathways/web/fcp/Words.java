package uk.nhs.pathways.web.fcp;

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
import java.util.stream.Collectors;
import uk.nhs.pathways.events.ReferralStatus;

/**
 * Codes as the pages say them: statuses, roles, days, distances and dates in plain English. Templates
 * call them as {@code {words:distance(c.distanceMetres)}}.
 */
@TemplateExtension(namespace = "words")
public final class Words {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Words() {}

    public static String status(ReferralStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case SUBMITTED -> "Submitted: funding being checked";
            case OFFERED -> "Offered to the provider";
            case NEEDS_ATTENTION -> "Needs your attention";
            case ACCEPTED -> "Accepted by the provider";
            case DECLINED -> "Declined by the provider";
            case BOOKING_REQUESTED -> "Place being booked";
            case BOOKED -> "Booked into a class";
            case BOOKING_CANCELLED -> "Booking cancelled";
            case WITHDRAWN -> "Withdrawn";
            case IN_PROGRESS -> "Course under way";
            case COMPLETED -> "Course completed";
            case DROPPED_OUT -> "Dropped out";
            case DID_NOT_ATTEND -> "Did not attend";
        };
    }

    /** The NHS.UK tag colour beside the words (the words carry the meaning, never the colour alone). */
    public static String statusTag(ReferralStatus status) {
        if (status == null) {
            return "nhsuk-tag--grey";
        }
        return switch (status) {
            case NEEDS_ATTENTION, DECLINED, BOOKING_CANCELLED -> "nhsuk-tag--red";
            case OFFERED, ACCEPTED, BOOKING_REQUESTED -> "nhsuk-tag--blue";
            case BOOKED, IN_PROGRESS, COMPLETED -> "nhsuk-tag--green";
            case SUBMITTED -> "nhsuk-tag--yellow";
            default -> "nhsuk-tag--grey";
        };
    }

    public static String role(String role) {
        if (role == null || role.isBlank()) {
            return "Pathways";
        }
        return switch (role) {
            case "referrer" -> "FCP";
            case "provider" -> "Provider";
            case "commissioner" -> "Commissioner";
            case "system" -> "Pathways";
            default -> constant(role);
        };
    }

    /** LEISURE_CENTRE becomes "Leisure centre"; NHS_TRUST "NHS trust". */
    public static String constant(Object value) {
        if (value == null) {
            return "";
        }
        String lower = value.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (lower.startsWith("nhs")) {
            return "NHS" + lower.substring(3);
        }
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static String days(List<DayOfWeek> days) {
        if (days == null || days.isEmpty()) {
            return "";
        }
        return days.stream()
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK))
                .collect(Collectors.joining(" and "));
    }

    public static String time(LocalTime time) {
        return time == null ? "" : time.toString();
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String moment(OffsetDateTime at) {
        return at == null ? "" : MOMENT.format(at.atZoneSameInstant(ENGLAND));
    }

    /**
     * 1234 metres: "1.2 km". Distances are measured between postcode districts' centres, so anything under
     * a kilometre is "less than 1 km" rather than a precise-looking "0 m".
     */
    public static String distance(Long metres) {
        if (metres == null) {
            return "";
        }
        if (metres < 1000) {
            return "Less than 1 km";
        }
        return String.format(Locale.UK, "%.1f km", metres / 1000.0);
    }
}
