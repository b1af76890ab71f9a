package uk.nhs.pathways.referral.audit.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.audit.domain.AuditEvent;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed referrals' patient data (admin)")
public class AuditResource {

    public record AuditView(
            long id,
            OffsetDateTime occurredAt,
            String actor,
            String actorRole,
            String organisation,
            AuditEvent.Action action,
            UUID referralId,
            String detail) {
        static AuditView of(AuditEvent e) {
            return new AuditView(
                    e.id, e.occurredAt, e.actor, e.actorRole, e.organisation, e.action, e.referralId, e.detail);
        }
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The patient-data access log, oldest first, filtered by referral, actor and time (admin only)")
    public List<AuditView> search(
            @QueryParam("referralId") String referralId,
            @QueryParam("actor") String actor,
            @QueryParam("from") OffsetDateTime from,
            @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (referralId != null) {
            try {
                params.put("referral", UUID.fromString(referralId));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("referralId", "is not a referral id");
            }
            query.append(" and referralId = :referral");
        }
        if (actor != null) {
            query.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (from != null) {
            query.append(" and occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            params.put("to", to);
        }
        return AuditEvent.<AuditEvent>find(query.toString(), Sort.ascending("id"), params)
                .page(Page.of(page, size))
                .list()
                .stream()
                .map(AuditView::of)
                .toList();
    }
}
