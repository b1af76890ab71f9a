package uk.nhs.pathways.referral.lifecycle.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.referral.lifecycle.service.Referrals;

@Schema(description = "A referral of one person into ESCAPE-pain, from the FCP's clinical system")
public record ReferralRequest(
        @Valid @NotNull Patient patient,

        @Valid
        @NotNull
        @Schema(description = "Why the person is referred: a SNOMED CT concept of knee or hip osteoarthritis")
        Coding reason,

        @Schema(
                description =
                        "Optional: the joint. The reason says which; if both are sent they must agree (400 otherwise)")
        Joint joint,

        @Valid @Schema(description = "What the person will accept; absent: any setting, any time, the default distance")
        PreferencesRequest preferences,

        @Schema(
                description =
                        "True when a second open referral for the same person and joint is meant; otherwise it is refused (409)")
        Boolean duplicateIntended) {

    @Schema(description = "The person referred. Seen only by the referring practice and the provider it is offered to.")
    public record Patient(
            @NotBlank @Schema(example = "9434765919") String nhsNumber,

            @NotBlank @Size(max = 200) @Schema(example = "Demo Person")
            String name,

            @NotNull @Past @Schema(example = "1956-03-14") LocalDate dateOfBirth,

            @NotBlank
            @Schema(example = "LS6 2AB", description = "Home postcode: distances are measured from its district")
            String postcode) {}

    @Schema(description = "A coded concept")
    public record Coding(
            @NotBlank @Schema(example = "http://snomed.info/sct")
            String system,

            @NotBlank @Size(max = 20) @Schema(example = "239873007", description = "Osteoarthritis of knee")
            String code) {}

    Referrals.NewReferral toNewReferral() {
        return new Referrals.NewReferral(
                patient.nhsNumber(),
                patient.name(),
                patient.dateOfBirth(),
                patient.postcode(),
                reason.system().trim(),
                reason.code().trim(),
                joint,
                PreferencesRequest.toPreferences(preferences, "preferences"),
                Boolean.TRUE.equals(duplicateIntended));
    }
}
