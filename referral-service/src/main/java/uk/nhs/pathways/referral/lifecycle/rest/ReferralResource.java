package uk.nhs.pathways.referral.lifecycle.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.lifecycle.service.Referrals;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "FCP referrals into ESCAPE-pain, followed to a decision")
public class ReferralResource {

    @Inject
    Referrals referrals;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFERRER)
    @Operation(
            summary = "Refer a person",
            description = "Referrer (FCP) only; the referral belongs to the practice in the token's org_id. "
                    + "It is routed at once to the nearest active site running the programme; the funding "
                    + "check follows asynchronously, so poll the referral until it is OFFERED or NEEDS_ATTENTION.")
    @APIResponse(responseCode = "201", description = "Accepted and routed (status SUBMITTED) or held (NEEDS_ATTENTION)")
    @APIResponse(responseCode = "400", description = "Invalid referral; problem+json names each field")
    @APIResponse(responseCode = "403", description = "Not a referrer, or the token names no practice")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different referral")
    public Response refer(
            @Valid @NotNull ReferralRequest request,
            @HeaderParam("Idempotency-Key")
                    @Size(max = 100)
                    @Parameter(
                            description =
                                    "Optional. A retry with the same key returns the referral made the first time.")
                    String idempotencyKey,
            @Context UriInfo uri) {
        PatientDataAudit.Actor referrer = actor(Roles.REFERRER);
        Referrals.NewReferral newReferral = request.toNewReferral();
        Referral referral;
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            referral = referrals.submit(newReferral, null, referrer);
        } else {
            referral = referrals
                    .earlierSubmission(referrer.organisation(), idempotencyKey, newReferral)
                    .orElseGet(() -> submitOnce(newReferral, idempotencyKey, referrer));
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(referral.id.toString())
                        .build())
                .entity(ReferralView.of(referral))
                .build();
    }

    /** Two identical retries may race: the unique key lets one in, and the other returns its referral. */
    private Referral submitOnce(
            Referrals.NewReferral newReferral, String idempotencyKey, PatientDataAudit.Actor referrer) {
        try {
            return referrals.submit(newReferral, idempotencyKey, referrer);
        } catch (RuntimeException e) {
            return referrals
                    .earlierSubmission(referrer.organisation(), idempotencyKey, newReferral)
                    .orElseThrow(() -> e);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.PROVIDER})
    @Operation(
            summary = "One referral",
            description = "A referrer sees its own practice's referrals; a provider those offered to it. "
                    + "Anything else is 404, so a referral's existence does not leak.")
    @APIResponse(responseCode = "200", description = "The referral, with the person's details (an audited read)")
    @APIResponse(responseCode = "404", description = "No such referral in your scope")
    public ReferralView get(@PathParam("id") String id) {
        return referrals
                .read(uuid(id), scope(), actor(role()))
                .map(ReferralView::of)
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.PROVIDER})
    @Operation(
            summary = "Referrals in your scope, newest first",
            description =
                    "A referrer: its practice's referrals (optionally by status). A provider: those offered to it.")
    public List<ReferralView> list(
            @QueryParam("status") ReferralStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return referrals.list(scope(), status, page, size, actor(role())).stream()
                .map(ReferralView::of)
                .toList();
    }

    /** A provider's answer to an offered referral. */
    public record Answer(
            @NotNull Boolean accept, @Size(max = 500) String reason) {}

    @POST
    @Path("/{id}/response")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Accept or decline a referral offered to you",
            description = "Provider only, for referrals offered to its organisation (404 otherwise). "
                    + "Declining needs a reason. 409 unless the referral is OFFERED.")
    @APIResponse(responseCode = "200", description = "Now ACCEPTED or DECLINED")
    @APIResponse(responseCode = "400", description = "Declined without a reason")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(responseCode = "409", description = "Not OFFERED")
    public ReferralView respond(@PathParam("id") String id, @Valid @NotNull Answer response) {
        return ReferralView.of(
                referrals.respond(uuid(id), response.accept(), response.reason(), actor(Roles.PROVIDER)));
    }

    /** Which class to book the person into. */
    public record Booking(@NotBlank String classId) {}

    @POST
    @Path("/{id}/booking")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Book the person into one of your classes",
            description = "Provider only, for an ACCEPTED referral offered to it (404 if not yours; 409 if not "
                    + "ACCEPTED, the class is full, or it has more sessions than the funding contract pays contacts "
                    + "for; 400 if the class is unknown, another provider's, not open or for another joint).")
    @APIResponse(
            responseCode = "200",
            description = "Now BOOKED; the class's places taken follow through the directory")
    @APIResponse(
            responseCode = "400",
            description = "Unknown class, another provider's, not open, or for another joint")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(
            responseCode = "409",
            description = "Not ACCEPTED, the class is full, or it has more sessions than the contract pays for")
    public ReferralView book(@PathParam("id") String id, @Valid @NotNull Booking booking) {
        return ReferralView.of(referrals.book(uuid(id), booking.classId(), actor(Roles.PROVIDER)));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("referral " + id);
        }
    }

    private String role() {
        return caller.is(Roles.REFERRER) ? Roles.REFERRER : Roles.PROVIDER;
    }

    private PatientDataAudit.Actor actor(String role) {
        return new PatientDataAudit.Actor(caller.user(), role, caller.requireOrganisation());
    }

    private Referrals.Scope scope() {
        String organisation = caller.requireOrganisation();
        return caller.is(Roles.REFERRER)
                ? Referrals.Scope.practice(organisation)
                : Referrals.Scope.provider(organisation);
    }
}
