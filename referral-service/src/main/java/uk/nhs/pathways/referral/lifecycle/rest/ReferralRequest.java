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

        @NotNull @Schema(description = "The osteoarthritic joint")
        Joint joint) {

    @Schema(description = "The person referred. Seen only by the referring practice and the provider it is offered to.")
    public record Patient(
            @NotBlank @Schema(example = "9434765919") String nhsNumber,

            @NotBlank @Size(max = 200) @Schema(example = "Demo Person")
            String name,

            @NotNull @Past @Schema(example = "1956-03-14") LocalDate dateOfBirth,

            @NotBlank @Schema(example = "LS6 2AB", description = "Home postcode: routes to the nearest class")
            String postcode) {}

    Referrals.NewReferral toNewReferral() {
        return new Referrals.NewReferral(
                patient.nhsNumber(), patient.name(), patient.dateOfBirth(), patient.postcode(), joint);
    }
}
