package uk.nhs.pathways.web.provider;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.nhs.pathways.web.provider.ProviderApi.Referral;

/**
 * The provider's inbox: referrals offered to it that need a decision, then those it is booking or has
 * booked. Each shows only what the decision needs; the person's name and NHS number are on the referral's page.
 */
@Path("/provider")
@RolesAllowed("provider")
public class InboxResource {

    /** Statuses the provider still acts on after accepting, in the order of the journey. */
    static final List<String> UNDER_WAY =
            List.of("ACCEPTED", "BOOKING_CANCELLED", "BOOKING_REQUESTED", "BOOKED", "IN_PROGRESS");

    /** The service's largest page: an inbox longer than this is shown in part, newest first. */
    static final int PAGE = 100;

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance inbox(List<InboxItem> toDecide, List<InboxItem> underWay);
    }

    @Inject
    @RestClient
    ReferralsClient referrals;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance inbox() {
        List<InboxItem> toDecide = referrals.list("OFFERED", PAGE).stream()
                .map(InboxItem::of)
                .sorted(Comparator.comparing(InboxItem::answerDue, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<InboxItem> underWay = new ArrayList<>();
        for (String status : UNDER_WAY) {
            referrals.list(status, PAGE).stream().map(InboxItem::of).forEach(underWay::add);
        }
        return Templates.inbox(toDecide, underWay);
    }

    /** A referral as the inbox lists it: nothing that names the person. */
    public record InboxItem(
            String id,
            String status,
            String joint,
            String siteName,
            String classId,
            LocalDate classStartDate,
            LocalDate answerDue,
            List<String> needs,
            List<String> settings,
            String availability,
            String travel) {

        static InboxItem of(Referral r) {
            ProviderApi.Preferences p = r.preferences();
            String availability =
                    p == null || p.availability() == null || p.availability().isEmpty()
                            ? "Any time"
                            : String.join(
                                    "; ",
                                    p.availability().stream()
                                            .map(w -> Labels.day(w.day()) + " " + w.from() + " to " + w.to())
                                            .toList());
            String travel = p == null || p.maxTravelMetres() == null
                    ? ""
                    : "Up to " + Math.round(p.maxTravelMetres() / 100.0) / 10.0 + " km";
            return new InboxItem(
                    r.id(),
                    r.status(),
                    r.joint(),
                    r.offer() == null ? null : r.offer().siteName(),
                    r.offer() == null ? null : r.offer().classId(),
                    r.offer() == null ? null : r.offer().classStartDate(),
                    r.answerDue(),
                    p == null || p.needs() == null ? List.of() : p.needs(),
                    p == null || p.settings() == null ? List.of() : p.settings(),
                    availability,
                    travel);
        }
    }
}
