package uk.nhs.pathways.referral.lifecycle.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.routing.domain.Preferences;

@Schema(
        description =
                "What the person will accept. Each part is optional; one that excludes everything is refused (400).")
public record PreferencesRequest(
        @Schema(description = "Settings the person accepts; absent: any. Empty: 400")
        Set<Setting> settings,

        @Valid
        @Schema(
                description =
                        "When the person can attend: every session of a class must fall inside a window on its day. "
                                + "Absent: any time. Empty: 400")
        List<Window> availability,

        @Min(500) @Max(100_000) @Schema(description = "Farthest the person will travel, in metres (or maxTravelKm)")
        Integer maxTravelMetres,

        @DecimalMin("0.5")
        @DecimalMax("100")
        @Schema(description = "Farthest the person will travel, in kilometres (or maxTravelMetres)")
        BigDecimal maxTravelKm,

        @Schema(description = "What the site must offer the person, e.g. STEP_FREE_ACCESS")
        Set<AccessibilityFeature> needs) {

    @Schema(description = "A weekday and the times the person can be at a class, e.g. TUESDAY 09:00 to 13:00")
    public record Window(
            @NotNull DayOfWeek day,

            @NotNull
            @Schema(example = "09:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
            LocalTime from,

            @NotNull
            @Schema(example = "13:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)
            LocalTime to) {}

    /** The preferences, or 400 naming the field (under {@code prefix}) that excludes everything. */
    static Preferences toPreferences(PreferencesRequest request, String prefix) {
        if (request == null) {
            return Preferences.NONE;
        }
        if (request.settings() != null && request.settings().isEmpty()) {
            throw ProblemException.badField(prefix + ".settings", "excludes every setting; leave it out to accept any");
        }
        if (request.availability() != null) {
            if (request.availability().isEmpty()) {
                throw ProblemException.badField(
                        prefix + ".availability", "excludes every day and time; leave it out for any time");
            }
            for (int i = 0; i < request.availability().size(); i++) {
                Window window = request.availability().get(i);
                if (!window.to().isAfter(window.from())) {
                    throw ProblemException.badField(
                            prefix + ".availability[" + i + "].to", "must be after from: the window holds no time");
                }
            }
        }
        if (request.maxTravelMetres() != null && request.maxTravelKm() != null) {
            throw ProblemException.badField(prefix + ".maxTravelKm", "give the distance once, in metres or in km");
        }
        Integer metres = request.maxTravelMetres() != null
                ? request.maxTravelMetres()
                : request.maxTravelKm() == null
                        ? null
                        : request.maxTravelKm()
                                .multiply(BigDecimal.valueOf(1000))
                                .intValue();
        return new Preferences(
                request.settings() == null ? null : EnumSet.copyOf(request.settings()),
                request.availability() == null
                        ? null
                        : request.availability().stream()
                                .map(w -> new Preferences.AvailabilityWindow(w.day(), w.from(), w.to()))
                                .toList(),
                metres,
                request.needs() == null || request.needs().isEmpty() ? Set.of() : EnumSet.copyOf(request.needs()));
    }
}
