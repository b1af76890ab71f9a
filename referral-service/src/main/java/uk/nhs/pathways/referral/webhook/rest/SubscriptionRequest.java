package uk.nhs.pathways.referral.webhook.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.nhs.pathways.referral.webhook.domain.CallbackUrl;

@Schema(description = "Where the practice's clinical system wants to hear about its referrals' status changes")
public record SubscriptionRequest(
        @NotBlank
        @Size(max = CallbackUrl.MAX_LENGTH)
        @Schema(
                example = "https://fcp.example-practice.nhs.uk/pathways/webhooks",
                description = "An https URL whose host resolves only to public addresses (checked again "
                        + "before every delivery). No credentials in the URL, no redirects followed.")
        String callbackUrl) {}
