package uk.nhs.pathways.sitedirectory.site.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

@Schema(description = "A site where a provider delivers ESCAPE-pain")
public record SiteRequest(
        @NotBlank @Schema(example = "prov-leeds-leisure") String providerId,

        @NotBlank @Size(max = 200) @Schema(example = "Armley Leisure Centre")
        String name,

        @Size(max = 500) String address,
        @NotBlank @Schema(example = "LS12 3AB") String postcode,
        @NotNull Setting setting,

        @Schema(
                description = "What the site offers people who need it; empty or omitted if none is recorded",
                example = "[\"STEP_FREE_ACCESS\", \"ACCESSIBLE_TOILET\", \"ON_SITE_PARKING\"]")
        List<@NotNull AccessibilityFeature> accessibility,

        @Size(max = 1000)
        @Schema(
                description = "Anything more about access, in your words (published in the open directory feed)",
                example = "Ramp at the side entrance on Elm Street")
        String accessibilityNotes,

        @NotEmpty List<@NotNull Joint> programmes,

        @Min(value = 4, message = "must be at least 4: fewer is not an ESCAPE-pain course")
        @Max(value = 12, message = "must be at most 12: the standard course is 12 sessions")
        @Schema(description = "Sessions per course: 12 is the standard, fewer is a reduced variant", example = "12")
        int sessions,

        @Schema(description = "Defaults to ONBOARDING for a new site")
        SiteStatus status,

        @Schema(
                description = "When the status took effect (not in the future); today if omitted. Kept in the "
                        + "site's status history.",
                example = "2026-01-05")
        LocalDate statusSince) {

    SiteDirectory.SiteDetails details() {
        return new SiteDirectory.SiteDetails(
                providerId,
                name,
                address,
                postcode,
                setting,
                accessibility == null ? List.of() : accessibility,
                accessibilityNotes,
                programmes,
                sessions,
                status,
                statusSince);
    }
}
