package uk.nhs.pathways.referral.webhook.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.webhook.service.Subscriptions;

@Path("/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description = "A practice's clinical system hears about its referrals' status changes, signed, without polling")
public class WebhookSubscriptionResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.REFERRER)
    @Operation(
            summary = "Subscribe to your practice's referral status changes",
            description = "Referrer only; the subscription belongs to the practice in the token's org_id. Every "
                    + "status change of the practice's referrals is then POSTed to the callback URL, signed with the "
                    + "secret in this answer, which is never shown again.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer carries the signing secret, once")
    @APIResponse(
            responseCode = "400",
            description = "callbackUrl is not https, carries credentials, does not resolve, or resolves to a "
                    + "loopback, private, link-local, CGNAT, unique-local, multicast, reserved or IPv4-mapped address")
    @APIResponse(responseCode = "403", description = "Not a referrer, or the token names no practice")
    @APIResponse(responseCode = "409", description = "The practice has as many subscriptions as it may")
    public Response subscribe(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        String practice = caller.requireOrganisation();
        Subscriptions.Registered registered = subscriptions.subscribe(practice, request.callbackUrl(), caller.user());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(registered.subscription().id.toString())
                        .build())
                .entity(SubscriptionView.created(registered))
                .build();
    }

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(
            summary = "Webhook subscriptions in your scope",
            description = "A referrer: its practice's. An admin: every practice's. With each one's health.")
    public List<SubscriptionView> list() {
        return subscriptions.list(scope()).stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(summary = "One webhook subscription and its health (ACTIVE, FAILING, SUSPENDED)")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret")
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions
                .find(uuid(id), scope())
                .map(SubscriptionView::of)
                .orElseThrow(() -> ProblemException.notFound("webhook subscription " + id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.REFERRER, Roles.ADMIN})
    @Operation(
            summary = "Unsubscribe",
            description = "A referrer of the practice, or an admin (to stop a receiver that misbehaves). "
                    + "Deliveries still waiting are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription in your scope")
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(uuid(id), scope())) {
            throw ProblemException.notFound("webhook subscription " + id);
        }
        return Response.noContent().build();
    }

    private Subscriptions.Scope scope() {
        return caller.is(Roles.ADMIN)
                ? Subscriptions.Scope.all()
                : Subscriptions.Scope.practice(caller.requireOrganisation());
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("webhook subscription " + id);
        }
    }
}
