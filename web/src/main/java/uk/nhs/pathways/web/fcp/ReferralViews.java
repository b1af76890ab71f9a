package uk.nhs.pathways.web.fcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Setting;

/** What referral-service answers and takes, as far as the FCP's pages use it. */
public final class ReferralViews {

    private ReferralViews() {}

    public record Referral(
            String id,
            ReferralStatus status,
            String statusReason,
            String statusReasonCode,
            Joint joint,
            String practiceOdsCode,
            Patient patient,
            int routeNumber,
            Offer offer,
            String fundingContractId,
            LocalDate answerDue,
            String classId,
            OffsetDateTime bookedAt,
            OffsetDateTime submittedAt,
            OffsetDateTime updatedAt,
            List<Candidate> ranking) {

        public String statusWords() {
            return Words.status(status);
        }

        public String statusTag() {
            return Words.statusTag(status);
        }

        public boolean withdrawable() {
            return status != null
                    && switch (status) {
                        case WITHDRAWN, IN_PROGRESS, COMPLETED, DROPPED_OUT, DID_NOT_ATTEND -> false;
                        default -> true;
                    };
        }

        public boolean reroutable() {
            return status == ReferralStatus.NEEDS_ATTENTION;
        }

        public boolean booked() {
            return classId != null;
        }

        /** The ranked class the referral is routed to now (the first, or the one it was re-routed to). */
        public Candidate chosen() {
            if (ranking == null || ranking.isEmpty()) {
                return null;
            }
            String routed = offer == null ? null : offer.classId();
            return ranking.stream()
                    .filter(c -> c.classId().equals(routed))
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Patient(String nhsNumber, String name, LocalDate dateOfBirth, String postcode) {}

    public record Offer(
            String classId,
            LocalDate classStartDate,
            String siteId,
            String siteName,
            String providerId,
            String providerName,
            Integer sessions,
            Long distanceMetres) {}

    public record Candidate(
            int rank,
            String classId,
            String siteName,
            String providerName,
            LocalDate startDate,
            List<DayOfWeek> days,
            LocalTime startTime,
            int sessions,
            long distanceMetres,
            boolean funded,
            List<String> preferencesMet) {}

    /** One status change on the timeline. */
    public record Step(
            OffsetDateTime at,
            ReferralStatus from,
            ReferralStatus to,
            String reasonCode,
            String reason,
            String note,
            String actorRole,
            String actorOrganisation,
            String providerId,
            String classId,
            int routeNumber) {

        public String toWords() {
            return Words.status(to);
        }

        public String fromWords() {
            return from == null ? "" : Words.status(from);
        }

        public String who() {
            return Words.role(actorRole);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Withdrawal(String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reroute(Preferences preferences) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preferences(Set<Setting> settings, BigDecimal maxTravelKm) {}
}
