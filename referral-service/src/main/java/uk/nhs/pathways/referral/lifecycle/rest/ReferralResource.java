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
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.DeclineReason;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.lifecycle.domain.BookingCancellation;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.lifecycle.service.Referrals;
import uk.nhs.pathways.referral.routing.domain.Preferences;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "FCP referrals into ESCAPE-pain, followed from routing to booking")
public class ReferralResource {

    @Inject
    Referrals referrals;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFERRER)
    @Operation(
            summary = "Refer a person",
            description = "Referrer (FCP) only; the referral belongs to the practice in the token's org_id. The reason "
                    + "for referral is a SNOMED CT concept of knee or hip osteoarthritis, which gives the joint. The "
                    + "classes that fit the person's preferences are ranked at once (funded first, then the soonest "
                    + "start, then the nearest) and the referral is proposed to the best; the funding check follows "
                    + "asynchronously, so poll the referral until it is OFFERED or NEEDS_ATTENTION.")
    @APIResponse(
            responseCode = "201",
            description = "Routed to a class (SUBMITTED) or held (NEEDS_ATTENTION, with a coded reason)")
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid referral (e.g. unknown SNOMED code, preferences that exclude everything); problem+json names each field")
    @APIResponse(responseCode = "403", description = "Not a referrer, or the token names no practice")
    @APIResponse(
            responseCode = "409",
            description = "The person already has an open referral for the joint (its id is named to its own practice "
                    + "only); send duplicateIntended true if a second one is meant")
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
            referral = submitOnce(newReferral, null, referrer);
        } else {
            referral = referrals
                    .earlierSubmission(referrer.organisation(), idempotencyKey, newReferral)
                    .orElseGet(() -> submitOnce(newReferral, idempotencyKey, referrer));
        }
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(referral.id.toString())
                        .build())
                .entity(ReferralView.of(referral, referrals.ranking(referral.id)))
                .build();
    }

    /**
     * Two identical retries may race: the unique key lets one in, and the other returns its referral. Two
     * referrals of one person may race too: the open-referral index lets one in, and the other is a 409.
     */
    private Referral submitOnce(
            Referrals.NewReferral newReferral, String idempotencyKey, PatientDataAudit.Actor referrer) {
        try {
            return referrals.submit(newReferral, idempotencyKey, referrer);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                Optional<Referral> earlier =
                        referrals.earlierSubmission(referrer.organisation(), idempotencyKey, newReferral);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            referrals.refuseUnintendedDuplicate(newReferral, referrer.organisation());
            throw e;
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.PROVIDER})
    @Operation(
            summary = "One referral",
            description = "A referrer sees its own practice's referrals, with the ranking behind the current route; a "
                    + "provider those offered to it. Anything else is 404, so a referral's existence does not leak.")
    @APIResponse(responseCode = "200", description = "The referral, with the person's details (an audited read)")
    @APIResponse(responseCode = "404", description = "No such referral in your scope")
    public ReferralView get(@PathParam("id") String id) {
        Referrals.Scope scope = scope();
        Referral referral = referrals
                .read(uuid(id), scope, actor(role()))
                .orElseThrow(() -> ProblemException.notFound("referral " + id));
        return ReferralView.of(referral, scope.isReferrer() ? referrals.ranking(referral.id) : null);
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

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.REFERRER, Roles.PROVIDER})
    @Operation(
            summary = "Every status change of a referral, oldest first",
            description =
                    "When, which role and organisation, the coded reason, and any note. The referrer of the "
                            + "practice sees all of it; the provider the referral is offered to, from its offer on. 404 otherwise.")
    @APIResponse(responseCode = "200", description = "The timeline (an audited read)")
    @APIResponse(responseCode = "404", description = "No such referral in your scope")
    public List<TimelineView> timeline(@PathParam("id") String id) {
        return referrals
                .timeline(uuid(id), scope(), actor(role()))
                .orElseThrow(() -> ProblemException.notFound("referral " + id))
                .stream()
                .map(TimelineView::of)
                .toList();
    }

    /** A provider's answer to an offered referral. */
    public record Answer(
            @NotNull Boolean accept,
            @Schema(description = "Needed to decline") DeclineReason reasonCode,

            @Size(max = 500)
            @Schema(
                    description = "The provider's own words (needed for OTHER): shown to the referrer and the "
                            + "provider, never sent in an event")
            String reason) {}

    @POST
    @Path("/{id}/response")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Accept or decline a referral offered to you",
            description = "Provider only, for referrals offered to its organisation (404 otherwise). Declining needs a "
                    + "reasonCode (OTHER also a reason); the referral then moves on to the next ranked class at once, "
                    + "or back to the referrer. 409 unless the referral is OFFERED.")
    @APIResponse(
            responseCode = "200",
            description = "Now ACCEPTED; or, declined, SUBMITTED to the next class or NEEDS_ATTENTION")
    @APIResponse(responseCode = "400", description = "Declined without a reason code, or OTHER without a reason")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(responseCode = "409", description = "Not OFFERED")
    public ReferralView respond(@PathParam("id") String id, @Valid @NotNull Answer response) {
        PatientDataAudit.Actor provider = actor(Roles.PROVIDER);
        return ReferralView.of(
                response.accept()
                        ? referrals.accept(uuid(id), provider)
                        : referrals.decline(uuid(id), response.reasonCode(), response.reason(), provider));
    }

    /** Which class to book the person into. */
    public record Booking(@NotBlank String classId) {}

    @POST
    @Path("/{id}/booking")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Ask for a place for the person in one of your classes",
            description = "Provider only, for an ACCEPTED (or BOOKING_CANCELLED) referral offered to it (404 if not "
                    + "yours). Checked first against this service's copy of the directory: 400 if the class is unknown, "
                    + "another provider's, for another joint or not open; 409 if it is full or has more sessions than "
                    + "the funding contract pays contacts for, or the referral is not ACCEPTED/BOOKING_CANCELLED; "
                    + "nothing is written then. Otherwise the site directory, which owns capacity, is asked for a place "
                    + "(your choice first, then your other suitable classes) and the referral becomes BOOKED when it "
                    + "answers with one, or ACCEPTED again if it refuses.")
    @APIResponse(responseCode = "202", description = "Now BOOKING_REQUESTED; poll until BOOKED or ACCEPTED")
    @APIResponse(
            responseCode = "400",
            description =
                    "Unknown class, another provider's, not open, or for another joint; problem+json names classId")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(
            responseCode = "409",
            description =
                    "Not ACCEPTED or BOOKING_CANCELLED, the class is full, or it has more sessions than the contract pays for")
    public Response book(@PathParam("id") String id, @Valid @NotNull Booking booking) {
        return Response.accepted(
                        ReferralView.of(referrals.requestBooking(uuid(id), booking.classId(), actor(Roles.PROVIDER))))
                .build();
    }

    /** Why the provider cancels a booking. */
    public record Cancellation(
            @NotNull BookingCancellation reasonCode,

            @Size(max = 500)
            @Schema(description = "The provider's own words (needed for OTHER); never sent in an event")
            String reason) {}

    @POST
    @Path("/{id}/booking/cancellation")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Cancel the person's booking",
            description = "Provider only, for a BOOKED referral offered to it (404 if not yours, 409 if not BOOKED). "
                    + "The site directory releases the place; the person may then be booked into a later class.")
    @APIResponse(responseCode = "200", description = "Now BOOKING_CANCELLED")
    @APIResponse(responseCode = "400", description = "No reason code, or OTHER without a reason")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(responseCode = "409", description = "Not BOOKED")
    public ReferralView cancelBooking(@PathParam("id") String id, @Valid @NotNull Cancellation cancellation) {
        return ReferralView.of(referrals.cancelBooking(
                uuid(id), cancellation.reasonCode(), cancellation.reason(), actor(Roles.PROVIDER)));
    }

    /** Optional words with a withdrawal. */
    public record Withdrawal(
            @Size(max = 500) @Schema(description = "The referrer's own words; never sent in an event")
            String reason) {}

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.REFERRER)
    @Operation(
            summary = "Withdraw a referral",
            description = "Referrer of the practice only (404 otherwise), from any status before the course starts "
                    + "(409 from WITHDRAWN, IN_PROGRESS and the course's ends: a course under way is ended by the "
                    + "provider's register). Final; the site directory releases any place the referral held.")
    @APIResponse(responseCode = "200", description = "Now WITHDRAWN")
    @APIResponse(responseCode = "404", description = "Not a referral of your practice")
    @APIResponse(responseCode = "409", description = "Already WITHDRAWN, or the course has started")
    public ReferralView withdraw(@PathParam("id") String id, @Valid Withdrawal withdrawal) {
        return ReferralView.of(
                referrals.withdraw(uuid(id), withdrawal == null ? null : withdrawal.reason(), actor(Roles.REFERRER)));
    }

    /** New preferences for routing again; absent: the ones the referral has. */
    public record Reroute(@Valid PreferencesRequest preferences) {}

    @POST
    @Path("/{id}/reroute")
    @RolesAllowed(Roles.REFERRER)
    @Operation(
            summary = "Route a referral that needs attention again",
            description =
                    "Referrer of the practice only (404 otherwise), for a NEEDS_ATTENTION referral (409 otherwise). "
                            + "Ranks the classes again, with the preferences sent (e.g. relaxed) or those it has, leaving out "
                            + "classes already proposed; the best becomes a new route (SUBMITTED, a new funding decision). 409 "
                            + "with the coded reason if still nothing fits; nothing is written then.")
    @APIResponse(responseCode = "200", description = "Now SUBMITTED to the best class")
    @APIResponse(
            responseCode = "400",
            description = "Preferences that exclude everything; problem+json names the field")
    @APIResponse(responseCode = "404", description = "Not a referral of your practice")
    @APIResponse(responseCode = "409", description = "Not NEEDS_ATTENTION, or still nothing fits")
    public ReferralView reroute(@PathParam("id") String id, @Valid Reroute reroute) {
        PatientDataAudit.Actor referrer = actor(Roles.REFERRER);
        Preferences preferences = reroute == null || reroute.preferences() == null
                ? null
                : PreferencesRequest.toPreferences(reroute.preferences(), "preferences");
        Referral referral = referrals.rerouteByReferrer(uuid(id), preferences, referrer);
        return ReferralView.of(referral, referrals.ranking(referral.id));
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
